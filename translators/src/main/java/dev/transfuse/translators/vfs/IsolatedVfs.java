package dev.transfuse.translators.vfs;

import dev.transfuse.translators.store.StoreException;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.cache.NullFilesCache;
import org.apache.commons.vfs2.impl.DefaultFileSystemManager;
import org.apache.commons.vfs2.provider.FileProvider;

/**
 * A private Commons VFS manager for one mount, with VFS's own files cache switched off
 * ({@link NullFilesCache}): caching is the {@code cache} module's job, and a second, unbounded,
 * TTL-less cache below it would serve stale types and sizes forever. One manager per mount also
 * means closing a mount closes exactly its file system and connections, nothing shared.
 */
public final class IsolatedVfs implements AutoCloseable {
  private final DefaultFileSystemManager manager;
  private final FileObject root;

  private IsolatedVfs(DefaultFileSystemManager manager, FileObject root) {
    this.manager = manager;
    this.root = root;
  }

  /**
   * Registers {@code provider} for {@code scheme} and resolves {@code rootUri} with {@code
   * options}.
   *
   * @param label what to name in messages (no credentials)
   */
  public static IsolatedVfs open(String scheme, FileProvider provider, String rootUri,
      FileSystemOptions options, String label) throws StoreException {
    DefaultFileSystemManager manager = new DefaultFileSystemManager();
    try {
      manager.setFilesCache(new NullFilesCache());
      manager.addProvider(scheme, provider);
      manager.init();
      return new IsolatedVfs(manager, manager.resolveFile(rootUri, options));
    } catch (FileSystemException e) {
      manager.close();
      Throwable cause = e.getCause();
      if (cause instanceof StoreException) {
        throw (StoreException) cause;
      }
      throw new StoreException(StoreException.Kind.IO, "cannot open " + label + ": "
          + e.getMessage(), e);
    }
  }

  /** The root file object; its {@code getFileSystem()} is the provider's file system. */
  public FileObject root() {
    return root;
  }

  @Override
  public void close() {
    manager.close();
  }
}
