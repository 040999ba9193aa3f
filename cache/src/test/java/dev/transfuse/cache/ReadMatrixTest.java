package dev.transfuse.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One read-correctness body over many cache configurations (the shape of Caffeine's CacheSpec
 * matrix): tiers on or off, small and larger blocks, read-ahead on or off, same-thread or pooled
 * fetches. Whatever the configuration, the bytes must be the source's.
 */
class ReadMatrixTest {
  record Config(int blockSize, long memory, long disk, int aheadBlocks, boolean pooled) {
    @Override
    public String toString() {
      return "block=" + blockSize + " mem=" + memory + " disk=" + disk + " ahead=" + aheadBlocks
          + (pooled ? " pooled" : " inline");
    }
  }

  static Stream<Config> configs() {
    List<Config> out = new ArrayList<>();
    for (int block : new int[] {4096, 3 * 4096}) {
      for (long memory : new long[] {0, 1L << 20}) {
        for (long disk : new long[] {0, 64L * 1024, 8L << 20}) {
          for (int ahead : new int[] {0, 4}) {
            out.add(new Config(block, memory, disk, ahead, (block + memory + disk + ahead) % 2 == 0));
          }
        }
      }
    }
    return out.stream();
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void bytesAreTheSourcesInEveryConfiguration(Config c) throws Exception {
    MemoryStore store = new MemoryStore();
    byte[] data = Content.random(25 * 4096 + 77, c.hashCode());
    store.putFile("/f", data);
    ExecutorService pool = c.pooled() ? Executors.newFixedThreadPool(4) : null;
    CacheOptions.Builder b =
        TestCaches.options(dir, new FakeTicker(), pool == null ? Runnable::run : pool)
            .blockSize(c.blockSize())
            .memoryBlockBytes(c.memory())
            .cacheMaxBytes(c.disk())
            .readAhead((long) c.aheadBlocks() * c.blockSize());
    try (CachedStore cache = CachedStore.open(store, b.build())) {
      for (int pass = 0; pass < 2; pass++) {
        try (ReadHandle h = cache.openRead("/f")) {
          assertThat(Content.sha256(Content.readAll(h, 5000))).isEqualTo(Content.sha256(data));
        }
      }
      Random rnd = new Random(c.hashCode());
      try (ReadHandle h = cache.openRead("/f")) {
        for (int i = 0; i < 60; i++) {
          int edge = rnd.nextInt(data.length / c.blockSize() + 1) * c.blockSize();
          int from = Math.max(0, Math.min(data.length, edge + rnd.nextInt(5) - 2));
          int len = 1 + rnd.nextInt(2 * c.blockSize());
          byte[] want = Arrays.copyOfRange(data, from, Math.min(data.length, from + len));
          assertThat(h.read(from, len)).as("%d+%d", from, len).isEqualTo(want);
        }
      }
      // A cache that holds the file fetches it once: the disk tier if there is one (blocks then
      // live only there), else the memory tier.
      if (c.disk() >= data.length || (c.disk() == 0 && c.memory() > 0)) {
        long blocks = (data.length + c.blockSize() - 1) / c.blockSize();
        // Each byte is fetched once; read-ahead may fetch several blocks per request.
        assertThat(cache.statistics().bytesFetched()).as("each block fetched once")
            .isEqualTo(data.length);
        assertThat(store.calls("read")).as("requests").isBetween(1, (int) blocks);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }
}
