package dev.transfuse.translators.sftp;

import dev.transfuse.translators.vfs.StoreFileSystem;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileName;

/** One SFTP login as a VFS file system; it owns the {@link SftpStore} and its SSH session. */
public final class SftpFileSystem extends StoreFileSystem<SftpStore> {
  SftpFileSystem(FileName root, FileSystemOptions options, SftpStore store) {
    super(root, options, store, SftpFileProvider.CAPABILITIES);
  }

  @Override
  protected FileObject createFile(AbstractFileName name) {
    return new SftpFileObject(name, this);
  }
}
