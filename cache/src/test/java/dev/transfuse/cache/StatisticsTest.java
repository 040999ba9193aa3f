package dev.transfuse.cache;

import static dev.transfuse.cache.TestCaches.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.cache.stats.CacheStatistics;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsTest {
  @TempDir Path dir;
  final MemoryStore store = new MemoryStore();
  final FakeTicker ticker = new FakeTicker();

  @Test
  void eachTierCountsItsOwnHitsMissesAndLoads() throws Exception {
    store.putFile("/d/f", Content.random(3 * BLOCK, 1));
    try (CachedStore cache =
        CachedStore.open(store, TestCaches.options(dir, ticker).readAhead(0).build())) {
      cache.stat("/d/f"); // miss, load
      cache.stat("/d/f"); // hit
      cache.list("/d"); // listing miss, load
      cache.list("/d"); // listing hit
      try (ReadHandle h = cache.openRead("/d/f")) { // stat hit
        h.read(0, 3 * BLOCK); // 3 disk misses, 3 disk loads
        h.read(0, BLOCK); // disk hit (with a disk cache, blocks are not kept in the heap too)
      }
      try (WriteHandle w = cache.openWrite("/d/g", true)) {
        w.write(0, ByteBuffer.wrap(new byte[100]));
      }
      CacheStatistics s = cache.statistics();
      assertThat(s.attributes().hits()).isEqualTo(2);
      assertThat(s.attributes().misses()).isEqualTo(1);
      assertThat(s.attributes().loads()).isEqualTo(1);
      assertThat(s.listings().hits()).isEqualTo(1);
      assertThat(s.listings().misses()).isEqualTo(1);
      assertThat(s.memoryBlocks().hits()).isZero();
      assertThat(s.memoryBlocks().misses()).isZero();
      assertThat(s.diskBlocks().hits()).isEqualTo(1);
      assertThat(s.diskBlocks().misses()).isEqualTo(3);
      assertThat(s.diskBlocks().loads()).isEqualTo(3);
      // The three fetched blocks, plus the uploaded file adopted from staging.
      assertThat(s.diskBlocks().weight()).isEqualTo(3L * BLOCK + 100);
      assertThat(s.diskBlocks().entries()).isEqualTo(2);
      assertThat(s.fetches()).isEqualTo(3);
      assertThat(s.bytesFetched()).isEqualTo(3L * BLOCK);
      assertThat(s.uploads()).isEqualTo(1);
      assertThat(s.bytesUploaded()).isEqualTo(100);
      assertThat(s.pendingUploads()).isZero();
    }
    // After a restart the disk tier answers.
    try (CachedStore cache =
        CachedStore.open(store, TestCaches.options(dir, ticker).readAhead(0).build())) {
      try (ReadHandle h = cache.openRead("/d/f")) {
        h.read(0, BLOCK);
      }
      assertThat(cache.statistics().diskBlocks().hits()).isEqualTo(1);
      assertThat(cache.statistics().fetches()).isZero();
    }
  }

  @Test
  void withoutADiskCacheTheMemoryTierKeepsAndCountsBlocks() throws Exception {
    store.putFile("/f", Content.random(3 * BLOCK, 2));
    try (CachedStore cache = CachedStore.open(store,
        TestCaches.options(dir, ticker).readAhead(0).cacheMaxBytes(0).build())) {
      try (ReadHandle h = cache.openRead("/f")) {
        h.read(0, 3 * BLOCK); // 3 memory misses, 3 fetches
        h.read(0, BLOCK); // memory hit
      }
      CacheStatistics s = cache.statistics();
      assertThat(s.memoryBlocks().hits()).isEqualTo(1);
      assertThat(s.memoryBlocks().misses()).isEqualTo(3);
      assertThat(s.diskBlocks().hits() + s.diskBlocks().misses()).isZero();
      assertThat(s.fetches()).isEqualTo(3);
    }
  }
}
