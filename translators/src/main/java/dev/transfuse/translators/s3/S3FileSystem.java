package dev.transfuse.translators.s3;

import dev.transfuse.translators.vfs.StoreFileSystem;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileName;

/** One bucket as a VFS file system; it owns the {@link S3Store} (and so the SDK client). */
public final class S3FileSystem extends StoreFileSystem<S3Store> {
  S3FileSystem(FileName root, FileSystemOptions options, S3Store store) {
    super(root, options, store, S3FileProvider.CAPABILITIES);
  }

  @Override
  protected FileObject createFile(AbstractFileName name) {
    return new S3FileObject(name, this);
  }
}
