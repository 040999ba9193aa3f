package dev.transfuse.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Validated settings of one {@link CachedStore}. Built with {@link #builder(Path)}; every value
 * has a default except {@code cacheDir}, which holds the disk block cache and the staged writes
 * and so must be chosen by the owner of the mount.
 *
 * @param metadataTtl how long attributes, listings and negative lookups are fresh; after that the
 *     next access answers from the stale entry and reloads it in the background
 * @param metadataMaxAge how long an entry nobody asked for may be kept; an entry older than this
 *     is loaded again while the caller waits (it is at least {@code metadataTtl})
 * @param metadataMaxBytes approximate heap bound for attributes and listings together
 * @param cacheDir root of {@code blocks/} (disk block cache) and {@code staging/} (writes)
 * @param cacheMaxBytes bound of the disk block cache; 0 keeps no data on disk
 * @param memoryBlockBytes bound of the in-memory block cache, which holds blocks when {@code
 *     cacheMaxBytes} is 0 (and those whose disk write failed); with a disk cache, fetched blocks
 *     live in their files and the host's page cache keeps the hot ones in memory
 * @param blockSize unit of caching and of ranged requests, a multiple of 4096
 * @param readAhead largest read-ahead window of a sequential reader, used in whole blocks (so a
 *     value below {@code blockSize}, like 0, disables read-ahead)
 * @param pollInterval how often {@link CachedStore#startPolling} re-checks paths; {@link
 *     Duration#ZERO} (the default) is off
 * @param revalidationsPerSecond rate limit for revalidation checks against the store
 * @param uploadRetryMin first back-off after a failed upload; doubles per failure
 * @param uploadRetryMax longest back-off between upload retries
 * @param ticker time source of every expiry, back-off and rate limit (tests pass a fake)
 * @param clock wall clock for the modification times the cache invents (staged files, stable
 *     directory mtimes)
 * @param executor runs fetches, read-ahead, metadata loads and refreshes, and listener calls;
 *     {@code null} means two pools owned and closed by the {@link CachedStore}, one for block
 *     fetches and one for metadata and listeners
 * @param fetchThreads size of the owned block fetch pool
 * @param backgroundTasks whether the store schedules its own upload retries and polling; tests
 *     turn this off and call {@link CachedStore#runMaintenance()} themselves
 */
public record CacheOptions(
    Duration metadataTtl,
    Duration metadataMaxAge,
    long metadataMaxBytes,
    Path cacheDir,
    long cacheMaxBytes,
    long memoryBlockBytes,
    int blockSize,
    long readAhead,
    Duration pollInterval,
    int revalidationsPerSecond,
    Duration uploadRetryMin,
    Duration uploadRetryMax,
    Ticker ticker,
    Clock clock,
    Executor executor,
    int fetchThreads,
    boolean backgroundTasks) {

  static final int MIN_BLOCK = 4096;
  static final int MAX_BLOCK = 64 << 20;

  public CacheOptions {
    requirePositive(metadataTtl, "metadataTtl");
    requirePositive(metadataMaxAge, "metadataMaxAge");
    requireArgument(
        metadataMaxAge.compareTo(metadataTtl) >= 0,
        "metadataMaxAge (%s) must be >= metadataTtl (%s)",
        metadataMaxAge,
        metadataTtl);
    requireArgument(metadataMaxBytes > 0, "metadataMaxBytes must be > 0, was %s", metadataMaxBytes);
    Objects.requireNonNull(cacheDir, "cacheDir");
    requireArgument(cacheMaxBytes >= 0, "cacheMaxBytes must be >= 0, was %s", cacheMaxBytes);
    requireArgument(memoryBlockBytes >= 0, "memoryBlockBytes must be >= 0, was %s", memoryBlockBytes);
    requireArgument(
        blockSize >= MIN_BLOCK && blockSize <= MAX_BLOCK && blockSize % MIN_BLOCK == 0,
        "blockSize must be a multiple of %s between %s and %s, was %s",
        MIN_BLOCK,
        MIN_BLOCK,
        MAX_BLOCK,
        blockSize);
    requireArgument(readAhead >= 0, "readAhead must be >= 0, was %s", readAhead);
    Objects.requireNonNull(pollInterval, "pollInterval");
    requireArgument(!pollInterval.isNegative(), "pollInterval must be >= 0, was %s", pollInterval);
    requireArgument(
        revalidationsPerSecond > 0, "revalidationsPerSecond must be > 0, was %s", revalidationsPerSecond);
    requirePositive(uploadRetryMin, "uploadRetryMin");
    requirePositive(uploadRetryMax, "uploadRetryMax");
    requireArgument(
        uploadRetryMax.compareTo(uploadRetryMin) >= 0,
        "uploadRetryMax (%s) must be >= uploadRetryMin (%s)",
        uploadRetryMax,
        uploadRetryMin);
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(clock, "clock");
    requireArgument(fetchThreads > 0, "fetchThreads must be > 0, was %s", fetchThreads);
  }

  /** Defaults for a single writer; {@code cacheDir} has none. */
  public static Builder builder(Path cacheDir) {
    return new Builder(cacheDir);
  }

  /** The number of blocks a read-ahead window may span, at least 0. */
  public int readAheadBlocks() {
    return (int) Math.min(Integer.MAX_VALUE, readAhead / blockSize);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    requireArgument(!d.isNegative() && !d.isZero(), "%s must be > 0, was %s", name, d);
  }

  private static void requireArgument(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Mutable collector of options; {@link #build()} validates them all at once. */
  public static final class Builder {
    private Duration metadataTtl = Duration.ofSeconds(60);
    private Duration metadataMaxAge;
    private long metadataMaxBytes = 64L << 20;
    private Path cacheDir;
    private long cacheMaxBytes = 4L << 30;
    private long memoryBlockBytes = 256L << 20;
    private int blockSize = 1 << 20;
    private long readAhead = 64L << 20;
    private Duration pollInterval = Duration.ZERO;
    private int revalidationsPerSecond = 100;
    private Duration uploadRetryMin = Duration.ofSeconds(1);
    private Duration uploadRetryMax = Duration.ofMinutes(5);
    private Ticker ticker = Ticker.systemTicker();
    private Clock clock = Clock.systemUTC();
    private Executor executor;
    private int fetchThreads = 16;
    private boolean backgroundTasks = true;

    private Builder(Path cacheDir) {
      this.cacheDir = cacheDir;
    }

    public Builder metadataTtl(Duration v) {
      metadataTtl = v;
      return this;
    }

    /** Defaults to ten times {@code metadataTtl}. */
    public Builder metadataMaxAge(Duration v) {
      metadataMaxAge = v;
      return this;
    }

    public Builder metadataMaxBytes(long v) {
      metadataMaxBytes = v;
      return this;
    }

    public Builder cacheDir(Path v) {
      cacheDir = v;
      return this;
    }

    public Builder cacheMaxBytes(long v) {
      cacheMaxBytes = v;
      return this;
    }

    public Builder memoryBlockBytes(long v) {
      memoryBlockBytes = v;
      return this;
    }

    public Builder blockSize(int v) {
      blockSize = v;
      return this;
    }

    public Builder readAhead(long v) {
      readAhead = v;
      return this;
    }

    public Builder pollInterval(Duration v) {
      pollInterval = v;
      return this;
    }

    public Builder revalidationsPerSecond(int v) {
      revalidationsPerSecond = v;
      return this;
    }

    public Builder uploadRetry(Duration min, Duration max) {
      uploadRetryMin = min;
      uploadRetryMax = max;
      return this;
    }

    public Builder ticker(Ticker v) {
      ticker = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    /** An executor the caller owns (tests pass {@code Runnable::run}). */
    public Builder executor(Executor v) {
      executor = v;
      return this;
    }

    public Builder fetchThreads(int v) {
      fetchThreads = v;
      return this;
    }

    public Builder backgroundTasks(boolean v) {
      backgroundTasks = v;
      return this;
    }

    public CacheOptions build() {
      Duration maxAge =
          metadataMaxAge != null
              ? metadataMaxAge
              : metadataTtl == null ? null : metadataTtl.multipliedBy(10);
      return new CacheOptions(
          metadataTtl,
          maxAge,
          metadataMaxBytes,
          cacheDir,
          cacheMaxBytes,
          memoryBlockBytes,
          blockSize,
          readAhead,
          pollInterval,
          revalidationsPerSecond,
          uploadRetryMin,
          uploadRetryMax,
          ticker,
          clock,
          executor,
          fetchThreads,
          backgroundTasks);
    }
  }
}
