package dev.transfuse.translators.http;

import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.vfs.StoreFileObject;
import org.apache.commons.vfs2.provider.AbstractFileName;

/** A URL below the store's base as a VFS file object (read side, for VFS users). */
final class HttpFileObject extends StoreFileObject<HttpFileSystem> {
  HttpFileObject(AbstractFileName name, HttpFileSystem fileSystem) {
    super(name, fileSystem);
  }

  @Override
  protected Store store() {
    return getAbstractFileSystem().store();
  }
}
