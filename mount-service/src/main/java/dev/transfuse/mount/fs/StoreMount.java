package dev.transfuse.mount.fs;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.cache.CachedStore;
import dev.transfuse.fuse.mount.MountException;
import dev.transfuse.fuse.server.FuseSession;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.translators.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One store mounted: the chain store → {@link CachedStore} → {@link StoreFilesystem} →
 * {@link FuseSession}, built in that order and torn down in reverse by {@link #close}.
 */
public final class StoreMount implements AutoCloseable {
  private final Store store;
  private final CachedStore cache;
  private final StoreFilesystem filesystem;
  private final FuseSession session;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StoreMount(Store store, CachedStore cache, StoreFilesystem fs, FuseSession session) {
    this.store = store;
    this.cache = cache;
    this.filesystem = fs;
    this.session = session;
  }

  /**
   * Mounts {@code store} on {@code mountpoint}. On failure nothing is left mounted and the cache
   * is closed; the store stays open for the caller to close.
   */
  public static StoreMount mount(Store store, CacheOptions cacheOptions, BridgeOptions bridge,
      Path mountpoint, SessionOptions sessionOptions) throws IOException {
    CachedStore cache = CachedStore.open(store, cacheOptions);
    try {
      StoreFilesystem fs = new StoreFilesystem(cache, bridge);
      FuseSession session = FuseSession.mount(mountpoint, fs,
          sessionOptions.withMount(sessionOptions.mount().withReadOnly(bridge.readOnly())));
      cache.startPolling(fs::heldPaths);
      return new StoreMount(store, cache, fs, session);
    } catch (MountException | RuntimeException e) {
      cache.close();
      throw e;
    }
  }

  public FuseSession session() {
    return session;
  }

  public CachedStore cache() {
    return cache;
  }

  public StoreFilesystem filesystem() {
    return filesystem;
  }

  public Path mountpoint() {
    return session.mountpoint();
  }

  public MountStatistics statistics() {
    return new MountStatistics(cache.statistics(), session.counters().snapshot(),
        session.counters().meanNanos(), filesystem.nodesHeld(), filesystem.openFiles(),
        filesystem.passthroughOpens());
  }

  /** Forgets everything cached at or below {@code path}, here and in the kernel. */
  public void invalidate(String path) {
    cache.invalidate(path);
    KernelInvalidation inv = filesystem.invalidation();
    if (inv != null) {
      inv.invalidateNow(path);
    }
  }

  /** Unmounts, then closes the cache (last uploads) and the store; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      session.close();
      filesystem.destroy();
      cache.close();
      store.close();
    }
  }
}
