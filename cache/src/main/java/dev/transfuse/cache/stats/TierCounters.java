package dev.transfuse.cache.stats;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of a tier that is not a Caffeine cache (the disk block cache). */
public final class TierCounters {
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder evictions = new LongAdder();

  public void hit() {
    hits.increment();
  }

  public void miss() {
    misses.increment();
  }

  public void load() {
    loads.increment();
  }

  public void loadFailure() {
    loadFailures.increment();
  }

  public void eviction() {
    evictions.increment();
  }

  public TierStats snapshot(long entries, long weight) {
    return new TierStats(
        hits.sum(), misses.sum(), loads.sum(), loadFailures.sum(), evictions.sum(), entries, weight);
  }
}
