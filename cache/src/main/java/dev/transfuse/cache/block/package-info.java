/**
 * File content caching: blocks of one object version in memory (Caffeine, bounded by bytes) and
 * on disk under {@code cacheDir/blocks} (sparse data file plus index per object, LRU bounded by
 * bytes, kept across restarts), fetching of missing blocks with ranged store reads (one fetch per
 * block however many readers want it), and sequential-read detection with a growing read-ahead
 * window.
 *
 * <p>A block is keyed by path, change token and size, so a changed object can never be served
 * from blocks of its old version. Must not know about staged writes (the facade reads those
 * first) or FUSE.
 */
package dev.transfuse.cache.block;
