package dev.transfuse.translators.s3;

import java.util.Collection;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileName;
import org.apache.commons.vfs2.provider.AbstractFileSystem;

/** One bucket as a VFS file system; it owns the {@link S3Store} (and so the SDK client). */
public final class S3FileSystem extends AbstractFileSystem {
  private final S3Store store;

  S3FileSystem(FileName root, FileSystemOptions options, S3Store store) {
    super(root, null, options);
    this.store = store;
  }

  /** The lock-free store over the same client, for callers that must not queue on VFS's lock. */
  public S3Store store() {
    return store;
  }

  @Override
  protected FileObject createFile(AbstractFileName name) {
    return new S3FileObject(name, this);
  }

  @Override
  protected void addCapabilities(Collection<Capability> caps) {
    caps.addAll(S3FileProvider.CAPABILITIES);
  }

  @Override
  protected void doCloseCommunicationLink() {
    store.close();
  }
}
