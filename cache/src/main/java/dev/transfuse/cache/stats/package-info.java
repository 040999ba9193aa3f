/**
 * Statistics of the cache: immutable snapshot records ({@link
 * dev.transfuse.cache.stats.CacheStatistics}, {@link dev.transfuse.cache.stats.TierStats}) and
 * the lock-free counters behind the tiers that are not Caffeine caches. Owns no cache and does no
 * I/O; the REST API and metrics read the snapshots.
 */
package dev.transfuse.cache.stats;
