package dev.transfuse.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

/** Options every cache test starts from: small blocks, fake time, everything on the test thread. */
final class TestCaches {
  static final int BLOCK = 4096;
  static final Duration TTL = Duration.ofSeconds(10);

  private TestCaches() {}

  static CacheOptions.Builder options(Path dir, FakeTicker ticker) {
    return options(dir, ticker, Runnable::run);
  }

  static CacheOptions.Builder options(Path dir, FakeTicker ticker, Executor executor) {
    return CacheOptions.builder(dir)
        .metadataTtl(TTL)
        .blockSize(BLOCK)
        .readAhead(8L * BLOCK)
        .memoryBlockBytes(1L << 20)
        .cacheMaxBytes(8L << 20)
        .ticker(ticker)
        .executor(executor)
        .uploadRetry(Duration.ofSeconds(1), Duration.ofSeconds(8))
        .backgroundTasks(false);
  }
}
