package dev.transfuse.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.cache.change.Change;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalChangesTest {
  @TempDir Path dir;
  final MemoryStore store = new MemoryStore();
  final FakeTicker ticker = new FakeTicker();
  final List<Change> changes = new CopyOnWriteArrayList<>();
  CachedStore cache;

  @BeforeEach
  void setUp() throws Exception {
    store.putFile("/d/a.txt", "aaa".getBytes(UTF_8));
    cache = CachedStore.open(store, TestCaches.options(dir, ticker).build());
    cache.addListener(changes::add);
  }

  @AfterEach
  void tearDown() {
    cache.close();
  }

  @Test
  void mkdirReplacesACachedAbsence() throws Exception {
    assertThat(cache.stat("/d/sub")).isEmpty();
    cache.list("/d");
    cache.mkdir("/d/sub");
    assertThat(cache.stat("/d/sub")).map(FileAttributes::isDirectory).contains(true);
    assertThat(cache.list("/d")).extracting(DirEntry::name).contains("sub");
    assertThat(changes)
        .contains(new Change.DirectoryChanged("/d", Set.of("sub"), Set.of(), Set.of()));
  }

  @Test
  void deleteDropsTheEntryFromEveryCache() throws Exception {
    cache.list("/d");
    try (ReadHandle r = cache.openRead("/d/a.txt")) {
      r.read(0, 3);
    }
    FileAttributes old = cache.stat("/d/a.txt").orElseThrow();
    cache.delete("/d/a.txt");
    store.resetCalls();
    assertThat(cache.stat("/d/a.txt")).isEmpty();
    assertThat(cache.list("/d")).isEmpty();
    assertThat(cache.cachedFile("/d/a.txt", old)).isEmpty();
    assertThat(store.totalCalls()).isZero(); // answered from the updated caches
    assertThat(changes).contains(new Change.Removed("/d/a.txt"));
  }

  @Test
  void renameMovesWhatIsCachedAndStaged() throws Exception {
    cache.list("/d");
    try (WriteHandle w = cache.openWrite("/d/b.txt", true)) {
      w.write(0, ByteBuffer.wrap("bbb".getBytes(UTF_8)));
      cache.rename("/d/b.txt", "/d/c.txt"); // uploads first, then renames
      assertThat(w.path()).isEqualTo("/d/c.txt");
      w.write(3, ByteBuffer.wrap("!".getBytes(UTF_8)));
    }
    assertThat(cache.stat("/d/b.txt")).isEmpty();
    assertThat(store.content("/d/c.txt")).isEqualTo("bbb!".getBytes(UTF_8));
    try (ReadHandle r = cache.openRead("/d/c.txt")) {
      assertThat(new String(r.read(0, 10), UTF_8)).isEqualTo("bbb!");
    }
    assertThat(cache.list("/d")).extracting(DirEntry::name).containsExactlyInAnyOrder("a.txt", "c.txt");

    cache.rename("/d", "/e");
    assertThat(cache.stat("/d/a.txt")).isEmpty();
    assertThat(cache.list("/e")).extracting(DirEntry::name).containsExactlyInAnyOrder("a.txt", "c.txt");
  }

  @Test
  void deletingADirectoryTreeForgetsEverythingBelowIt() throws Exception {
    store.putFile("/t/x/1", new byte[1]);
    store.putFile("/t/x/2", new byte[2]);
    cache.list("/t");
    cache.list("/t/x");
    try (ReadHandle r = cache.openRead("/t/x/1")) {
      r.read(0, 1);
    }
    for (String p : List.of("/t/x/1", "/t/x/2")) {
      cache.delete(p);
    }
    cache.delete("/t/x");
    store.resetCalls();
    assertThat(cache.list("/t")).isEmpty();
    assertThat(cache.stat("/t/x")).isEmpty();
    assertThatThrownBy(() -> cache.list("/t/x"))
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.NOT_FOUND);
    assertThat(store.totalCalls()).isZero();
  }

  @Test
  void aDirectoryHoldingAnUnuploadedFileIsNotEmpty() throws Exception {
    store.putDir("/empty");
    try (WriteHandle w = cache.openWrite("/empty/new", true)) {
      assertThatThrownBy(() -> cache.delete("/empty"))
          .extracting(e -> ((StoreException) e).kind())
          .isEqualTo(StoreException.Kind.NOT_EMPTY);
    }
    assertThat(store.content("/empty/new")).isEmpty();
  }

  @Test
  void listingErrorsKeepTheirKind() throws Exception {
    assertThatThrownBy(() -> cache.list("/d/a.txt"))
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.NOT_A_DIRECTORY);
    assertThatThrownBy(() -> cache.openRead("/d"))
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.IS_A_DIRECTORY);
    assertThatThrownBy(() -> cache.openRead("/none"))
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.NOT_FOUND);
  }

  @Test
  void twoWritersOfOnePathShareOneStagedCopy() throws Exception {
    try (WriteHandle b = cache.openWrite("/d/shared", true)) {
      try (WriteHandle a = cache.openWrite("/d/shared", false)) {
        a.write(0, ByteBuffer.wrap("AAAA".getBytes(UTF_8)));
        b.write(2, ByteBuffer.wrap("BB".getBytes(UTF_8)));
      } // a's close uploads, but b still has it open: the staged copy stays
      assertThat(store.content("/d/shared")).isEqualTo("AABB".getBytes(UTF_8));
      b.write(4, ByteBuffer.wrap("C".getBytes(UTF_8)));
    }
    assertThat(store.content("/d/shared")).isEqualTo("AABBC".getBytes(UTF_8));
  }

  @Test
  void aFailedStoreCallLeavesTheCachesAsTheyWere() throws Exception {
    assertThatThrownBy(() -> cache.delete("/nothing"))
        .isInstanceOf(StoreException.class)
        .extracting(e -> ((StoreException) e).kind())
        .isEqualTo(StoreException.Kind.NOT_FOUND);
    assertThat(cache.stat("/d/a.txt")).isPresent();
  }
}
