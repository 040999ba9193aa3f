package dev.transfuse.cache.block;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.transfuse.cache.metadata.StorePaths;
import dev.transfuse.cache.stats.TierStats;
import java.util.concurrent.Executor;

/**
 * Blocks in heap, bounded by bytes. Values are never changed after they are put, so readers may
 * copy out of them without a lock.
 */
public final class MemoryBlocks {
  private static final int ENTRY_OVERHEAD = 96;

  private final Cache<BlockKey, byte[]> blocks;

  public MemoryBlocks(long maxBytes, Ticker ticker, Executor executor) {
    this.blocks =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((BlockKey k, byte[] v) -> v.length + ENTRY_OVERHEAD)
            .ticker(ticker)
            .executor(executor)
            .recordStats()
            .build();
  }

  /** The block, or null; counts a hit or a miss. */
  public byte[] get(BlockKey key) {
    return blocks.getIfPresent(key);
  }

  /** The block, or null, without counting (for re-checks that are not lookups of their own). */
  public byte[] peek(BlockKey key) {
    return blocks.policy().getIfPresentQuietly(key);
  }

  public void put(BlockKey key, byte[] data) {
    blocks.put(key, data);
  }

  /** Drops every version of {@code path} and of anything below it. */
  public void invalidate(String path) {
    blocks.asMap().keySet().removeIf(k -> StorePaths.isWithin(k.version().path(), path));
  }

  public void cleanUp() {
    blocks.cleanUp();
  }

  public TierStats stats() {
    return TierStats.of(
        blocks.stats(),
        blocks.estimatedSize(),
        blocks.policy().eviction().orElseThrow().weightedSize().orElse(0));
  }
}
