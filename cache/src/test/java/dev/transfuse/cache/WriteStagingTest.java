package dev.transfuse.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.cache.change.Change;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteStagingTest {
  @TempDir Path dir;
  final MemoryStore store = new MemoryStore();
  final FakeTicker ticker = new FakeTicker();
  final List<Change> changes = new CopyOnWriteArrayList<>();
  CachedStore cache;

  @AfterEach
  void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  private CachedStore open() throws Exception {
    cache = CachedStore.open(store, TestCaches.options(dir, ticker).build());
    cache.addListener(changes::add);
    return cache;
  }

  private long stagedFiles() throws Exception {
    try (Stream<Path> s = Files.list(dir.resolve("staging"))) {
      return s.filter(p -> p.toString().endsWith(".data")).count();
    }
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(UTF_8));
  }

  @Test
  void writesAreVisibleAtOnceToTheWriterAndToOtherReaders() throws Exception {
    store.putDir("/d");
    open();
    assertThat(cache.list("/d")).isEmpty();
    assertThat(cache.stat("/d/new.txt")).isEmpty();
    try (WriteHandle w = cache.openWrite("/d/new.txt", true)) {
      w.write(0, bytes("hello world"));
      ByteBuffer back = ByteBuffer.allocate(5);
      w.read(6, back);
      assertThat(new String(back.array(), UTF_8)).isEqualTo("world");

      assertThat(cache.stat("/d/new.txt")).map(FileAttributes::size).contains(11L);
      assertThat(cache.list("/d")).extracting(DirEntry::name).containsExactly("new.txt");
      try (ReadHandle r = cache.openRead("/d/new.txt")) {
        assertThat(new String(r.read(0, 100), UTF_8)).isEqualTo("hello world");
      }
      assertThat(store.content("/d/new.txt")).isNull(); // nothing uploaded before close
    }
    assertThat(store.content("/d/new.txt")).isEqualTo("hello world".getBytes(UTF_8));
    assertThat(stagedFiles()).isZero();
  }

  @Test
  void closeUploadsAndEveryCacheSeesTheNewVersionAtOnce() throws Exception {
    store.putFile("/f.txt", "old content".getBytes(UTF_8));
    open();
    try (ReadHandle r = cache.openRead("/f.txt")) {
      assertThat(new String(r.read(0, 100), UTF_8)).isEqualTo("old content");
    }
    cache.list("/");
    store.resetCalls();

    try (WriteHandle w = cache.openWrite("/f.txt", true)) {
      w.write(0, bytes("new"));
    }
    FileAttributes now = cache.stat("/f.txt").orElseThrow();
    assertThat(now.size()).isEqualTo(3);
    assertThat(cache.list("/")).filteredOn(e -> e.name().equals("f.txt"))
        .extracting(e -> e.attributes().size()).containsExactly(3L);
    try (ReadHandle r = cache.openRead("/f.txt")) {
      assertThat(new String(r.read(0, 100), UTF_8)).isEqualTo("new");
    }
    // The staged copy became the disk cache's copy: no fetch, and it can back passthrough.
    assertThat(store.calls("read")).isZero();
    assertThat(store.calls("stat") + store.calls("list")).isZero();
    assertThat(cache.cachedFile("/f.txt", now)).isPresent();
    assertThat(changes).contains(new Change.FileChanged("/f.txt", now));
    assertThat(cache.statistics().bytesUploaded()).isEqualTo(3);
  }

  @Test
  void randomWritesAndTruncateOnAnExistingFile() throws Exception {
    byte[] original = Content.random(3 * TestCaches.BLOCK + 100, 5);
    store.putFile("/r.bin", original);
    open();
    byte[] expected = original.clone();
    try (WriteHandle w = cache.openWrite("/r.bin", false)) {
      w.write(TestCaches.BLOCK - 2, bytes("EDGE"));
      w.write(10, bytes("x"));
      w.truncate(2L * TestCaches.BLOCK + 7);
    }
    System.arraycopy("EDGE".getBytes(UTF_8), 0, expected, TestCaches.BLOCK - 2, 4);
    expected[10] = 'x';
    expected = java.util.Arrays.copyOf(expected, 2 * TestCaches.BLOCK + 7);
    assertThat(Content.sha256(store.content("/r.bin"))).isEqualTo(Content.sha256(expected));

    cache.truncate("/r.bin", 2L * TestCaches.BLOCK + 10); // growing fills with zeros
    byte[] grown = java.util.Arrays.copyOf(expected, 2 * TestCaches.BLOCK + 10);
    assertThat(store.content("/r.bin")).isEqualTo(grown);
  }

  @Test
  void openingForWriteWithoutChangesUploadsNothing() throws Exception {
    store.putFile("/same.txt", "same".getBytes(UTF_8));
    open();
    FileAttributes before = cache.stat("/same.txt").orElseThrow();
    try (WriteHandle w = cache.openWrite("/same.txt", false)) {
      assertThat(w.attributes()).isEqualTo(before); // no new version announced
    }
    assertThat(store.calls("upload")).isZero();
    assertThat(stagedFiles()).isZero();
  }

  @Test
  void aFailedUploadIsReportedKeptAndRetriedByteIdentical() throws Exception {
    open();
    byte[] payload = Content.random(5 * TestCaches.BLOCK + 3, 11);
    store.failUploads = true;
    WriteHandle w = cache.openWrite("/important.bin", true);
    w.write(0, ByteBuffer.wrap(payload));
    assertThatThrownBy(w::close)
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.UNAVAILABLE);
    assertThat(stagedFiles()).isEqualTo(1);
    assertThat(cache.statistics().pendingUploads()).isEqualTo(1);
    assertThat(cache.stat("/important.bin")).map(FileAttributes::size).contains((long) payload.length);

    cache.runMaintenance(); // back-off (1 s) not over: no attempt
    assertThat(store.calls("upload")).isEqualTo(1);
    ticker.advance(Duration.ofSeconds(1));
    cache.runMaintenance(); // attempt 2 fails; back-off doubles to 2 s
    assertThat(store.calls("upload")).isEqualTo(2);
    ticker.advance(Duration.ofSeconds(1));
    cache.runMaintenance();
    assertThat(store.calls("upload")).isEqualTo(2);

    store.failUploads = false;
    ticker.advance(Duration.ofSeconds(1));
    cache.runMaintenance();
    assertThat(store.calls("upload")).isEqualTo(3);
    assertThat(Content.sha256(store.content("/important.bin"))).isEqualTo(Content.sha256(payload));
    assertThat(stagedFiles()).isZero();
    assertThat(cache.statistics().pendingUploads()).isZero();
    assertThat(cache.statistics().uploadFailures()).isEqualTo(2);
  }

  @Test
  void theNextFlushRetriesAFailedUpload() throws Exception {
    open();
    try (WriteHandle w = cache.openWrite("/f", true)) {
      w.write(0, bytes("abc"));
      store.failUploads = true;
      assertThatThrownBy(w::flush).isInstanceOf(StoreException.class);
      store.failUploads = false;
      assertThat(w.flush().size()).isEqualTo(3);
      assertThat(store.content("/f")).isEqualTo("abc".getBytes(UTF_8));
    }
    assertThat(store.calls("upload")).isEqualTo(2);
  }

  @Test
  void stagedWritesSurviveAKilledServiceAndAreUploadedAfterRestart() throws Exception {
    open();
    WriteHandle w = cache.openWrite("/survivor.txt", true);
    w.write(0, bytes("written before the kill"));
    // Killed: no close of the handle or of the cache. A new instance starts on the same dir.
    CachedStore restarted = CachedStore.open(store, TestCaches.options(dir, ticker).build());
    try {
      assertThat(restarted.stat("/survivor.txt")).map(FileAttributes::size).contains(23L);
      restarted.runMaintenance();
      assertThat(store.content("/survivor.txt")).isEqualTo("written before the kill".getBytes(UTF_8));
    } finally {
      restarted.close();
    }
  }

  @Test
  void aCopyInterruptedByAKillIsDroppedNotUploaded() throws Exception {
    Path staging = Files.createDirectories(dir.resolve("staging"));
    Files.writeString(staging.resolve("x.meta"), "FILLING\n/half.bin\n");
    Files.write(staging.resolve("x.data"), new byte[10]);
    open();
    cache.runMaintenance();
    assertThat(store.calls("upload")).isZero();
    assertThat(stagedFiles()).isZero();
  }

  @Test
  void deletingAFileThatWasNeverUploadedDiscardsItsStagedCopy() throws Exception {
    open();
    WriteHandle w = cache.openWrite("/tmp.txt", true);
    w.write(0, bytes("scratch"));
    cache.delete("/tmp.txt");
    assertThat(cache.stat("/tmp.txt")).isEmpty();
    w.close();
    assertThat(store.calls("upload")).isZero();
    assertThat(stagedFiles()).isZero();
  }
}
