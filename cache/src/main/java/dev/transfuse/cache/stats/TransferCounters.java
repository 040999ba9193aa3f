package dev.transfuse.cache.stats;

import java.util.concurrent.atomic.LongAdder;

/** Live counters of traffic between the cache and the store. */
public final class TransferCounters {
  private final LongAdder fetches = new LongAdder();
  private final LongAdder bytesFetched = new LongAdder();
  private final LongAdder uploads = new LongAdder();
  private final LongAdder uploadFailures = new LongAdder();
  private final LongAdder bytesUploaded = new LongAdder();

  /**
   * Part of a ranged read that serves several blocks: {@code bytes} of it arrived, and {@code
   * first} says whether this is the request's first part (then the request is counted).
   */
  public void fetchedPart(long bytes, boolean first) {
    if (first) {
      fetches.increment();
    }
    bytesFetched.add(bytes);
  }

  public void uploaded(long bytes) {
    uploads.increment();
    bytesUploaded.add(bytes);
  }

  public void uploadFailed() {
    uploadFailures.increment();
  }

  public long fetches() {
    return fetches.sum();
  }

  public long bytesFetched() {
    return bytesFetched.sum();
  }

  public long uploads() {
    return uploads.sum();
  }

  public long uploadFailures() {
    return uploadFailures.sum();
  }

  public long bytesUploaded() {
    return bytesUploaded.sum();
  }
}
