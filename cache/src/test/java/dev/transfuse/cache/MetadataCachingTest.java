package dev.transfuse.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.cache.change.Change;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCachingTest {
  @TempDir Path dir;
  final MemoryStore store = new MemoryStore();
  final FakeTicker ticker = new FakeTicker();
  final List<Change> changes = new CopyOnWriteArrayList<>();
  CachedStore cache;

  @BeforeEach
  void setUp() throws Exception {
    store.putFile("/a/one.txt", "1".getBytes(UTF_8));
    store.putFile("/a/two.txt", "22".getBytes(UTF_8));
    store.putDir("/a/sub");
  }

  @AfterEach
  void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private CachedStore open(CacheOptions.Builder b) throws Exception {
    cache = CachedStore.open(store, b.build());
    cache.addListener(changes::add);
    return cache;
  }

  @Test
  void statWithinTtlCostsNoRemoteCall() throws Exception {
    open(TestCaches.options(dir, ticker));
    assertThat(cache.stat("/a/one.txt")).map(FileAttributes::size).contains(1L);
    ticker.advance(TestCaches.TTL.minusSeconds(1));
    for (int i = 0; i < 100; i++) {
      cache.stat("/a/one.txt");
    }
    assertThat(store.calls("stat")).isEqualTo(1);
  }

  @Test
  void absentPathsAreCachedToo() throws Exception {
    open(TestCaches.options(dir, ticker));
    assertThat(cache.stat("/nope")).isEmpty();
    assertThat(cache.stat("/nope")).isEmpty();
    assertThat(store.calls("stat")).isEqualTo(1);
  }

  @Test
  void concurrentMissesOnOneKeyMakeOneRemoteCall() throws Exception {
    open(TestCaches.options(dir, ticker));
    store.statGate = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<FileAttributes>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> cache.stat("/a/two.txt")));
      }
      // Let the first caller reach the store, then let it answer.
      while (store.calls("stat") == 0) {
        Thread.onSpinWait();
      }
      store.statGate.countDown();
      for (Future<Optional<FileAttributes>> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).map(FileAttributes::size).contains(2L);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.calls("stat")).isEqualTo(1);
  }

  @Test
  void listingFillsTheAttributesOfEveryChild() throws Exception {
    open(TestCaches.options(dir, ticker));
    List<DirEntry> entries = cache.list("/a");
    assertThat(entries).extracting(DirEntry::name).containsExactlyInAnyOrder("one.txt", "two.txt", "sub");
    assertThat(cache.stat("/a/one.txt")).isPresent();
    assertThat(cache.stat("/a/two.txt")).isPresent();
    assertThat(cache.stat("/a/sub")).map(FileAttributes::isDirectory).contains(true);
    assertThat(cache.stat("/a/missing")).isEmpty();
    assertThat(cache.list("/a")).hasSize(3);
    assertThat(store.calls("list")).isEqualTo(1);
    assertThat(store.calls("stat")).isZero();
  }

  @Test
  void staleEntriesAnswerAtOnceAndRefreshInTheBackground() throws Exception {
    QueuedExecutor background = new QueuedExecutor();
    open(TestCaches.options(dir, ticker, background));
    assertThat(cache.stat("/a/one.txt")).map(FileAttributes::size).contains(1L);
    FileAttributes changed = store.putFile("/a/one.txt", "changed".getBytes(UTF_8));
    ticker.advance(TestCaches.TTL.plusSeconds(1));
    background.hold();

    // Stale: answered from the cache without waiting; the refresh is queued, not run.
    assertThat(cache.stat("/a/one.txt")).map(FileAttributes::size).contains(1L);
    assertThat(store.calls("stat")).isEqualTo(1);
    assertThat(background.pending()).isEqualTo(1);
    background.release();

    assertThat(store.calls("stat")).isEqualTo(2);
    assertThat(cache.stat("/a/one.txt")).contains(changed);
    assertThat(changes).contains(new Change.FileChanged("/a/one.txt", changed));
  }

  @Test
  void entriesNobodyAskedForExpireAfterMaxAge() throws Exception {
    open(TestCaches.options(dir, ticker).metadataMaxAge(Duration.ofSeconds(30)));
    cache.stat("/a/one.txt");
    ticker.advance(Duration.ofSeconds(31));
    cache.stat("/a/one.txt");
    assertThat(store.calls("stat")).isEqualTo(2);
  }

  @Test
  void refreshedListingReportsWhatChanged() throws Exception {
    open(TestCaches.options(dir, ticker));
    cache.list("/a");
    store.putFile("/a/three.txt", "333".getBytes(UTF_8));
    store.remove("/a/one.txt");
    FileAttributes two = store.putFile("/a/two.txt", "2222".getBytes(UTF_8));
    ticker.advance(TestCaches.TTL.plusSeconds(1));

    cache.list("/a"); // stale answer, same-thread refresh
    assertThat(cache.list("/a")).extracting(DirEntry::name).containsExactlyInAnyOrder("two.txt", "three.txt", "sub");
    assertThat(changes)
        .contains(
            new Change.DirectoryChanged(
                "/a", java.util.Set.of("three.txt"), java.util.Set.of("one.txt"), java.util.Set.of("two.txt")),
            new Change.FileChanged("/a/two.txt", two));
    assertThat(cache.stat("/a/one.txt")).isEmpty();
    assertThat(store.calls("stat")).isZero();
  }

  @Test
  void directoryMtimeStaysUntilItsListingChanges() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    open(TestCaches.options(dir, ticker).clock(clock));
    Instant before = cache.stat("/a").orElseThrow().modified();
    cache.list("/a");
    assertThat(cache.stat("/a").orElseThrow().modified()).isEqualTo(before);

    for (int i = 0; i < 3; i++) { // refreshes with no change keep it
      ticker.advance(TestCaches.TTL.plusSeconds(1));
      cache.list("/a");
      ticker.advance(TestCaches.TTL.plusSeconds(1));
      cache.stat("/a");
    }
    assertThat(cache.stat("/a").orElseThrow().modified()).isEqualTo(before);

    store.putFile("/a/new.txt", new byte[1]);
    ticker.advance(TestCaches.TTL.plusSeconds(1));
    cache.list("/a");
    Instant afterOne = cache.stat("/a").orElseThrow().modified();
    assertThat(afterOne).isNotEqualTo(before);

    store.remove("/a/new.txt");
    ticker.advance(TestCaches.TTL.plusSeconds(1));
    cache.list("/a");
    Instant afterTwo = cache.stat("/a").orElseThrow().modified();
    assertThat(afterTwo).isAfter(afterOne);
    // The child directory listed inside /a carries the same stable value as its own stat.
    assertThat(cache.list("/").stream().filter(e -> e.name().equals("a")).findFirst().orElseThrow()
            .attributes().modified())
        .isEqualTo(afterTwo);
  }

  @Test
  void explicitInvalidateMakesTheNextStatAskTheStore() throws Exception {
    open(TestCaches.options(dir, ticker));
    cache.list("/a");
    FileAttributes changed = store.putFile("/a/one.txt", "xx".getBytes(UTF_8));
    cache.invalidate("/a");
    assertThat(cache.stat("/a/one.txt")).contains(changed);
  }
}
