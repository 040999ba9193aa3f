package dev.transfuse.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.cache.change.Change;
import dev.transfuse.translators.store.FileAttributes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevalidationTest {
  @TempDir Path dir;
  final MemoryStore store = new MemoryStore();
  final FakeTicker ticker = new FakeTicker();
  final List<Change> changes = new CopyOnWriteArrayList<>();
  CachedStore cache;

  @BeforeEach
  void setUp() throws Exception {
    for (int i = 0; i < 5; i++) {
      store.putFile("/d/f" + i, ("v" + i).getBytes(UTF_8));
    }
  }

  @AfterEach
  void tearDown() {
    cache.close();
  }

  private void open(CacheOptions.Builder b) throws Exception {
    cache = CachedStore.open(store, b.build());
    cache.addListener(changes::add);
  }

  @Test
  void changesMadeDirectlyInTheStoreAreFoundAndTold() throws Exception {
    open(TestCaches.options(dir, ticker));
    cache.list("/d");
    cache.stat("/d/f1");
    FileAttributes f1 = store.putFile("/d/f1", "changed".getBytes(UTF_8));
    store.putFile("/d/extra", new byte[1]);
    store.remove("/d/f2");

    cache.revalidate(List.of("/d", "/d/f1", "/d/f2"));

    assertThat(changes)
        .contains(
            new Change.DirectoryChanged("/d", Set.of("extra"), Set.of("f2"), Set.of("f1")),
            new Change.FileChanged("/d/f1", f1));
    store.resetCalls();
    assertThat(cache.stat("/d/f1")).contains(f1); // and the caches hold the new answers
    assertThat(cache.stat("/d/f2")).isEmpty();
    assertThat(store.totalCalls()).isZero();
  }

  @Test
  void aFileAppearingWhereNothingWasIsToldAsANewNameInItsDirectory() throws Exception {
    open(TestCaches.options(dir, ticker));
    assertThat(cache.stat("/d/late")).isEmpty();
    store.putFile("/d/late", new byte[3]);
    cache.revalidate(List.of("/d/late"));
    assertThat(changes)
        .containsExactly(new Change.DirectoryChanged("/d", Set.of("late"), Set.of(), Set.of()));
    assertThat(cache.stat("/d/late")).map(FileAttributes::size).contains(3L);
  }

  @Test
  void aDirectoryTheKernelServedLongAfterOurListingExpiredIsStillChecked() throws Exception {
    open(TestCaches.options(dir, ticker).metadataMaxAge(Duration.ofSeconds(60)));
    cache.list("/d");
    ticker.advance(Duration.ofMinutes(5)); // the kernel served every readdir; ours expired
    cache.runMaintenance();
    store.putFile("/d/new", new byte[1]);
    cache.revalidate(List.of("/d"));
    assertThat(store.calls("list")).isEqualTo(2); // listed, although a stat was all we had left
    assertThat(changes)
        .containsExactly(new Change.DirectoryChanged("/d", Set.of(), Set.of(), Set.of()));
    changes.clear();
    cache.revalidate(List.of("/d"));
    assertThat(changes).isEmpty();
  }

  @Test
  void anUnchangedPathTellsNothing() throws Exception {
    open(TestCaches.options(dir, ticker));
    cache.list("/d");
    cache.revalidate(List.of("/d", "/d/f0"));
    assertThat(changes).isEmpty();
  }

  @Test
  void checksAreRateLimitedAndLeftoversGoFirstNextTime() throws Exception {
    open(TestCaches.options(dir, ticker).revalidationsPerSecond(3));
    List<String> held = List.of("/d/f0", "/d/f1", "/d/f2", "/d/f3", "/d/f4");
    assertThat(cache.revalidate(held)).isEqualTo(3);
    assertThat(store.calls("stat")).isEqualTo(3);
    assertThat(cache.revalidate(held)).isZero(); // no time has passed, no permit
    ticker.advance(Duration.ofSeconds(1));
    store.resetCalls();
    assertThat(cache.revalidate(held)).isEqualTo(3);
    // f3 and f4 were left over, so they were checked first this time.
    assertThat(store.calls("stat", "/d/f3")).isEqualTo(1);
    assertThat(store.calls("stat", "/d/f4")).isEqualTo(1);
    assertThat(store.calls("stat", "/d/f0")).isEqualTo(1);
    assertThat(store.calls("stat", "/d/f1")).isZero();
  }

  @Test
  void pollingRunsEveryPollIntervalAndIsOffByDefault() throws Exception {
    open(TestCaches.options(dir, ticker));
    cache.stat("/d/f0");
    cache.startPolling(() -> List.of("/d/f0"));
    ticker.advance(Duration.ofHours(1));
    cache.runMaintenance();
    assertThat(store.calls("stat")).isEqualTo(1);
    cache.close();

    store.resetCalls();
    open(TestCaches.options(dir, ticker).pollInterval(Duration.ofSeconds(30)));
    cache.stat("/d/f0");
    cache.startPolling(() -> List.of("/d/f0"));
    FileAttributes changed = store.putFile("/d/f0", "polled".getBytes(UTF_8));
    ticker.advance(Duration.ofSeconds(29));
    cache.runMaintenance();
    assertThat(changes).isEmpty();
    ticker.advance(Duration.ofSeconds(1));
    cache.runMaintenance();
    assertThat(changes).containsExactly(new Change.FileChanged("/d/f0", changed));
  }
}
