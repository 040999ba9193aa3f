package dev.transfuse.cache.change;

/**
 * Told about every {@link Change} the cache learns of: after local writes, mkdir, delete and
 * rename, after a background refresh, and after revalidation.
 *
 * <p>Called on the cache's executor, never while the cache holds a lock, and never on the thread
 * of the {@code CachedStore} call that caused the change unless the executor runs tasks in the
 * caller's thread. That matters to the bridge: the kernel deadlocks if an invalidation is written
 * from inside the handler of a related request, so a listener that writes notifications must
 * hand them to a thread of its own when it is given a same-thread executor.
 */
@FunctionalInterface
public interface ChangeListener {
  ChangeListener NONE = change -> {};

  void changed(Change change);
}
