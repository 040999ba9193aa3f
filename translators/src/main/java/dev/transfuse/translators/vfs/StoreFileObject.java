package dev.transfuse.translators.vfs;

import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.Store;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.vfs2.FileType;
import org.apache.commons.vfs2.provider.AbstractFileName;
import org.apache.commons.vfs2.provider.AbstractFileSystem;

/**
 * The read side of a VFS file object answered by one of our {@link Store}s, so each provider's
 * FileObject is a few lines and VFS users see the same types, sizes and listings the mount sees.
 * Attributes fetched for the type are kept until VFS detaches the object, so {@code getType()}
 * then {@code getContent().getSize()} cost one stat, not two.
 *
 * <p>VFS calls these {@code do*} methods while holding {@code synchronized (fileSystem)}: that is
 * why the mount never comes through here but calls the Store directly (see each Store's header).
 *
 * @param <F> the provider's file system
 */
public abstract class StoreFileObject<F extends AbstractFileSystem> extends
    org.apache.commons.vfs2.provider.AbstractFileObject<F> {
  private volatile Optional<FileAttributes> attributes;

  protected StoreFileObject(AbstractFileName name, F fileSystem) {
    super(name, fileSystem);
  }

  /** The store that answers for this object's file system. */
  protected abstract Store store();

  /** The store path of this object ("/" for the file system root). */
  protected String storePath() throws Exception {
    String p = getName().getPathDecoded();
    return p == null || p.isEmpty() ? "/" : p;
  }

  private Optional<FileAttributes> attributes() throws Exception {
    Optional<FileAttributes> a = attributes;
    if (a == null) {
      a = store().stat(storePath());
      attributes = a;
    }
    return a;
  }

  @Override
  protected void doDetach() {
    attributes = null;
  }

  @Override
  protected FileType doGetType() throws Exception {
    Optional<FileAttributes> a = attributes();
    if (a.isEmpty()) {
      return FileType.IMAGINARY;
    }
    return a.get().isDirectory() ? FileType.FOLDER : FileType.FILE;
  }

  @Override
  protected String[] doListChildren() throws Exception {
    return store().list(storePath()).stream()
        .map(e -> org.apache.commons.vfs2.util.URIUtils.encodePath(e.name()))
        .toArray(String[]::new);
  }

  @Override
  protected long doGetContentSize() throws Exception {
    return attributes().map(FileAttributes::size).orElse(0L);
  }

  @Override
  protected long doGetLastModifiedTime() throws Exception {
    return attributes().map(a -> a.modified().toEpochMilli()).orElse(0L);
  }

  @Override
  protected InputStream doGetInputStream(int bufferSize) throws Exception {
    // The known size bounds the read, so pipelining stores (SFTP) do not ask past the end.
    long size = attributes().map(FileAttributes::size).orElse(Long.MAX_VALUE);
    return store().read(storePath(), 0, size);
  }
}
