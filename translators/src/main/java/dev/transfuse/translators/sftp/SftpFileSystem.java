package dev.transfuse.translators.sftp;

import java.util.Collection;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileName;
import org.apache.commons.vfs2.provider.AbstractFileSystem;

/** One SFTP login as a VFS file system; it owns the {@link SftpStore} and its SSH session. */
public final class SftpFileSystem extends AbstractFileSystem {
  private final SftpStore store;

  SftpFileSystem(FileName root, FileSystemOptions options, SftpStore store) {
    super(root, null, options);
    this.store = store;
  }

  /** The lock-free store over the same session, for callers that must not queue on VFS. */
  public SftpStore store() {
    return store;
  }

  @Override
  protected FileObject createFile(AbstractFileName name) {
    return new SftpFileObject(name, this);
  }

  @Override
  protected void addCapabilities(Collection<Capability> caps) {
    caps.addAll(SftpFileProvider.CAPABILITIES);
  }

  @Override
  protected void doCloseCommunicationLink() {
    store.close();
  }
}
