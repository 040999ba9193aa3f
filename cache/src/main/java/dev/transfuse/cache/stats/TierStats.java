package dev.transfuse.cache.stats;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * Counts of one cache tier at one instant.
 *
 * @param hits lookups answered by this tier
 * @param misses lookups this tier could not answer
 * @param loads values this tier loaded (from the store, or from the tier below)
 * @param loadFailures loads that failed
 * @param evictions entries dropped to stay within bounds or because they expired
 * @param entries entries held now
 * @param weight bytes held now (approximate for metadata)
 */
public record TierStats(
    long hits, long misses, long loads, long loadFailures, long evictions, long entries, long weight) {

  public static final TierStats EMPTY = new TierStats(0, 0, 0, 0, 0, 0, 0);

  /** A Caffeine cache's own statistics plus its current size. */
  public static TierStats of(CacheStats s, long entries, long weight) {
    return new TierStats(
        s.hitCount(),
        s.missCount(),
        s.loadCount(),
        s.loadFailureCount(),
        s.evictionCount(),
        entries,
        weight);
  }

  /** Hits divided by lookups, or 0 when nothing was looked up. */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }
}
