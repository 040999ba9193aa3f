package dev.transfuse.cache.revalidate;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A token bucket on an injected ticker: {@code perSecond} permits a second, bursting to one
 * second's worth. Deterministic under a fake ticker, which is why it is not a library's.
 */
public final class RateLimiter {
  private static final long SECOND = 1_000_000_000L;

  private final Ticker ticker;
  private final int perSecond;
  // Guarded by this.
  private double permits;
  private long lastNanos;

  public RateLimiter(Ticker ticker, int perSecond) {
    this.ticker = ticker;
    this.perSecond = perSecond;
    this.permits = perSecond;
    this.lastNanos = ticker.read();
  }

  public synchronized boolean tryAcquire() {
    long now = ticker.read();
    permits = Math.min(perSecond, permits + (double) (now - lastNanos) * perSecond / SECOND);
    lastNanos = now;
    if (permits >= 1) {
      permits -= 1;
      return true;
    }
    return false;
  }
}
