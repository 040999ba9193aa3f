package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.vfs.StoreFileObject;
import org.apache.commons.vfs2.provider.AbstractFileName;

/** A remote path as a VFS file object (read side, for VFS users). */
final class SftpFileObject extends StoreFileObject<SftpFileSystem> {
  SftpFileObject(AbstractFileName name, SftpFileSystem fileSystem) {
    super(name, fileSystem);
  }

  @Override
  protected Store store() {
    return getAbstractFileSystem().store();
  }
}
