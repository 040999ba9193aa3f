package dev.transfuse.translators.vfs;

import dev.transfuse.translators.store.Store;
import java.util.Collection;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractFileSystem;

/**
 * A VFS file system that owns one of our {@link Store}s (and so its client or session): the
 * part every provider shares. Subclasses only say which file objects they make.
 *
 * @param <S> the store type its file objects delegate to
 */
public abstract class StoreFileSystem<S extends Store> extends AbstractFileSystem {
  private final S store;
  private final Collection<Capability> capabilities;

  protected StoreFileSystem(FileName root, FileSystemOptions options, S store,
      Collection<Capability> capabilities) {
    super(root, null, options);
    this.store = store;
    this.capabilities = capabilities;
  }

  /** The lock-free store over the same connection, for callers that must not queue on VFS. */
  public S store() {
    return store;
  }

  @Override
  protected void addCapabilities(Collection<Capability> caps) {
    caps.addAll(capabilities);
  }

  @Override
  protected void doCloseCommunicationLink() {
    store.close();
  }
}
