package dev.transfuse.translators.http;

import dev.transfuse.translators.vfs.StoreFileSystem;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileName;

/** One HTTP(S) directory tree as a VFS file system; it owns the {@link HttpStore}. */
public final class HttpFileSystem extends StoreFileSystem<HttpStore> {
  HttpFileSystem(FileName root, FileSystemOptions options, HttpStore store) {
    super(root, options, store, HttpFileProvider.CAPABILITIES);
  }

  @Override
  protected FileObject createFile(AbstractFileName name) {
    return new HttpFileObject(name, this);
  }
}
