package dev.transfuse.translators.http;

import java.util.Collection;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileName;
import org.apache.commons.vfs2.provider.AbstractFileSystem;

/** One HTTP(S) directory tree as a VFS file system; it owns the {@link HttpStore}. */
public final class HttpFileSystem extends AbstractFileSystem {
  private final HttpStore store;

  HttpFileSystem(FileName root, FileSystemOptions options, HttpStore store) {
    super(root, null, options);
    this.store = store;
  }

  /** The lock-free store over the same client, for callers that must not queue on VFS. */
  public HttpStore store() {
    return store;
  }

  @Override
  protected FileObject createFile(AbstractFileName name) {
    return new HttpFileObject(name, this);
  }

  @Override
  protected void addCapabilities(Collection<Capability> caps) {
    caps.addAll(HttpFileProvider.CAPABILITIES);
  }

  @Override
  protected void doCloseCommunicationLink() {
    store.close();
  }
}
