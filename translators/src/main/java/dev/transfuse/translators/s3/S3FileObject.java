package dev.transfuse.translators.s3;

import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.vfs.StoreFileObject;
import org.apache.commons.vfs2.provider.AbstractFileName;

/** A key or prefix of a bucket as a VFS file object (read side, for VFS users). */
final class S3FileObject extends StoreFileObject<S3FileSystem> {
  S3FileObject(AbstractFileName name, S3FileSystem fileSystem) {
    super(name, fileSystem);
  }

  @Override
  protected Store store() {
    return getAbstractFileSystem().store();
  }
}
