package dev.transfuse.cache;

import static dev.transfuse.cache.TestCaches.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockReadTest {
  // Not a multiple of the block size, so the last block is short.
  static final int SIZE = 40 * BLOCK + 1234;
  static final int BLOCKS = 41;

  @TempDir Path dir;
  final MemoryStore store = new MemoryStore();
  final FakeTicker ticker = new FakeTicker();
  final byte[] data = Content.random(SIZE, 42);
  CachedStore cache;

  @AfterEach
  void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private CachedStore open(CacheOptions.Builder b) throws Exception {
    store.putFile("/big.bin", data);
    cache = CachedStore.open(store, b.build());
    return cache;
  }

  @Test
  void sequentialReadWithReadAheadReturnsTheExactFile() throws Exception {
    open(TestCaches.options(dir, ticker));
    try (ReadHandle h = cache.openRead("/big.bin")) {
      // 1000-byte reads straddle every block edge at a different place.
      assertThat(Content.sha256(Content.readAll(h, 1000))).isEqualTo(Content.sha256(data));
    }
    assertThat(cache.statistics().bytesFetched()).isEqualTo(SIZE); // each block exactly once
    assertThat(store.calls("read")).as("read-ahead asks for spans of blocks")
        .isLessThan(BLOCKS);
  }

  @Test
  void sequentialReadsGrowTheReadAheadWindowAndAJumpResetsIt() throws Exception {
    open(TestCaches.options(dir, ticker)); // readAhead = 8 blocks
    try (ReadHandle h = cache.openRead("/big.bin")) {
      h.read(0, BLOCK); // block 0, and 1 ahead
      assertFetched(2, 2);
      h.read(BLOCK, BLOCK); // block 1 was there; window 2: blocks 2-3 in one request
      assertFetched(4, 3);
      h.read(2L * BLOCK, BLOCK); // window 4: blocks 4-6 (3 already asked for), one request
      assertFetched(7, 4);
      h.read(3L * BLOCK, BLOCK); // window 8, the limit: blocks 7-11
      assertFetched(12, 5);
      h.read(4L * BLOCK, BLOCK); // more than half the window still ahead: nothing new yet
      assertFetched(12, 5);
      h.read(30L * BLOCK, 100); // random: just the block it touches
      assertFetched(13, 6);
    }
  }

  /** Blocks that came from the store so far, and the ranged requests that brought them. */
  private void assertFetched(int blocks, int requests) {
    assertThat(cache.statistics().bytesFetched()).as("bytes fetched")
        .isEqualTo((long) blocks * BLOCK);
    assertThat(store.calls("read")).as("requests").isEqualTo(requests);
  }

  @Test
  void randomReadsFetchOnlyTheBlocksTheyTouch() throws Exception {
    open(TestCaches.options(dir, ticker));
    try (ReadHandle h = cache.openRead("/big.bin")) {
      byte[] got = h.read(10L * BLOCK - 5, 10); // across the edge of blocks 9 and 10
      assertThat(got).isEqualTo(Arrays.copyOfRange(data, 10 * BLOCK - 5, 10 * BLOCK + 5));
      assertThat(store.calls("read")).isEqualTo(2);
      h.read(30L * BLOCK + 7, 3);
      assertThat(store.calls("read")).isEqualTo(3);
    }
  }

  @Test
  void rangesAroundEveryBlockEdgeMatchTheSource() throws Exception {
    open(TestCaches.options(dir, ticker));
    Random rnd = new Random(7);
    try (ReadHandle h = cache.openRead("/big.bin")) {
      for (int edge = 0; edge <= SIZE; edge += BLOCK) {
        for (int delta : new int[] {-1, 0, 1}) {
          int from = Math.max(0, edge + delta);
          int len = 1 + rnd.nextInt(3 * BLOCK);
          byte[] got = h.read(from, len);
          byte[] want = Arrays.copyOfRange(data, Math.min(from, SIZE), Math.min(SIZE, from + len));
          assertThat(Content.sha256(got)).as("range %d+%d", from, len).isEqualTo(Content.sha256(want));
        }
      }
      assertThat(h.read(SIZE, 10)).isEmpty();
      assertThat(h.read(SIZE - 1, 10)).containsExactly(data[SIZE - 1]);
    }
  }

  @Test
  void readingAFileTwiceFetchesItOnce() throws Exception {
    open(TestCaches.options(dir, ticker));
    for (int i = 0; i < 2; i++) {
      try (ReadHandle h = cache.openRead("/big.bin")) {
        assertThat(Content.readAll(h, 3 * BLOCK + 17)).isEqualTo(data);
      }
    }
    assertThat(cache.statistics().bytesFetched()).as("every block, once").isEqualTo(SIZE);
    assertThat(store.calls("stat")).isEqualTo(1);
  }

  @Test
  void parallelReadersShareFetches() throws Exception {
    ExecutorService fetchers = Executors.newFixedThreadPool(8);
    ExecutorService readers = Executors.newFixedThreadPool(6);
    try {
      open(TestCaches.options(dir, ticker, fetchers));
      List<Future<String>> digests = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        int chunk = 999 + 1000 * i;
        digests.add(
            readers.submit(
                () -> {
                  try (ReadHandle h = cache.openRead("/big.bin")) {
                    return Content.sha256(Content.readAll(h, chunk));
                  }
                }));
      }
      for (Future<String> d : digests) {
        assertThat(d.get(30, TimeUnit.SECONDS)).isEqualTo(Content.sha256(data));
      }
      assertThat(cache.statistics().bytesFetched()).as("every block, once").isEqualTo(SIZE);
    } finally {
      readers.shutdownNow();
      fetchers.shutdownNow();
    }
  }

  @Test
  void aRestartReusesTheDiskCacheWhileTheTokenIsUnchanged() throws Exception {
    open(TestCaches.options(dir, ticker));
    try (ReadHandle h = cache.openRead("/big.bin")) {
      Content.readAll(h, BLOCK);
    }
    cache.close();
    store.resetCalls();

    cache = CachedStore.open(store, TestCaches.options(dir, ticker).build());
    try (ReadHandle h = cache.openRead("/big.bin")) {
      assertThat(Content.readAll(h, BLOCK)).isEqualTo(data);
    }
    assertThat(store.calls("read")).isZero();
    cache.close();

    byte[] changed = Content.random(SIZE, 43);
    store.putFile("/big.bin", changed);
    store.resetCalls();
    cache = CachedStore.open(store, TestCaches.options(dir, ticker).build());
    try (ReadHandle h = cache.openRead("/big.bin")) {
      assertThat(Content.readAll(h, BLOCK)).isEqualTo(changed);
    }
    assertThat(cache.statistics().bytesFetched()).as("every block, once").isEqualTo(SIZE);
  }

  @Test
  void aWhollyCachedFileIsOfferedForPassthrough() throws Exception {
    open(TestCaches.options(dir, ticker).readAhead(0));
    FileAttributes attrs = cache.stat("/big.bin").orElseThrow();
    assertThat(cache.cachedFile("/big.bin", attrs)).isEmpty();
    try (ReadHandle h = cache.openRead("/big.bin")) {
      h.read(0, BLOCK);
      assertThat(cache.cachedFile("/big.bin", attrs)).isEmpty(); // partly there is not enough
      Content.readAll(h, BLOCK);
    }
    Path file = cache.cachedFile("/big.bin", attrs).orElseThrow();
    assertThat(Files.readAllBytes(file)).isEqualTo(data);

    FileAttributes other =
        new FileAttributes(attrs.type(), attrs.size(), attrs.modified(), "another", -1);
    assertThat(cache.cachedFile("/big.bin", other)).isEmpty();
  }

  @Test
  void prefetchMakesAFilePassthroughReady() throws Exception {
    open(TestCaches.options(dir, ticker));
    FileAttributes attrs = cache.stat("/big.bin").orElseThrow();
    Path file = cache.prefetch("/big.bin", attrs).get(10, TimeUnit.SECONDS).orElseThrow();
    assertThat(Content.sha256(Files.readAllBytes(file))).isEqualTo(Content.sha256(data));
    assertThat(store.calls("read")).isEqualTo(BLOCKS);
  }

  @Test
  void aReaderOfAReplacedVersionFailsRatherThanMixVersions() throws Exception {
    open(TestCaches.options(dir, ticker).readAhead(0));
    try (ReadHandle h = cache.openRead("/big.bin")) {
      h.read(0, 10);
      store.putFile("/big.bin", Content.random(SIZE, 99)); // same size, new content
      cache.revalidate(List.of("/big.bin"));
      assertThat(h.read(0, 10)).isEqualTo(Arrays.copyOf(data, 10)); // cached: still its version
      assertThatThrownBy(() -> h.read(20L * BLOCK, 10))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("no longer");
      assertThatThrownBy(() -> h.read(21L * BLOCK, 10)).hasMessageContaining("no longer");
    }
    try (ReadHandle h = cache.openRead("/big.bin")) { // a new open reads the new version
      assertThat(h.read(20L * BLOCK, 10))
          .isEqualTo(Arrays.copyOfRange(store.content("/big.bin"), 20 * BLOCK, 20 * BLOCK + 10));
    }
  }

  @Test
  void theDiskCacheStaysWithinItsBoundEvictingTheLeastRecentlyUsed() throws Exception {
    store.putFile("/small1", Content.random(4 * BLOCK, 1));
    store.putFile("/small2", Content.random(4 * BLOCK, 2));
    store.putFile("/small3", Content.random(4 * BLOCK, 3));
    open(TestCaches.options(dir, ticker).cacheMaxBytes(9L * BLOCK).memoryBlockBytes(0));
    for (String p : List.of("/small1", "/small2", "/small1", "/small3")) {
      try (ReadHandle h = cache.openRead(p)) {
        Content.readAll(h, BLOCK);
      }
    }
    assertThat(cache.statistics().diskBlocks().weight()).isLessThanOrEqualTo(9L * BLOCK);
    assertThat(cache.cachedFile("/small1", cache.stat("/small1").orElseThrow())).isPresent();
    assertThat(cache.cachedFile("/small2", cache.stat("/small2").orElseThrow())).isEmpty();
    assertThat(cache.cachedFile("/small3", cache.stat("/small3").orElseThrow())).isPresent();
  }

  @Test
  void anObjectThatShrankUnderAReaderFailsInsteadOfReturningWrongBytes() throws Exception {
    open(TestCaches.options(dir, ticker).readAhead(0));
    try (ReadHandle h = cache.openRead("/big.bin")) {
      store.putFile("/big.bin", Content.random(BLOCK, 9));
      assertThatThrownBy(() -> h.read(20L * BLOCK, 10))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("changed");
    }
    // The failure made the cache ask the store again: a new open sees the new version.
    try (ReadHandle h = cache.openRead("/big.bin")) {
      assertThat(h.attributes().size()).isEqualTo(BLOCK);
    }
  }
}
