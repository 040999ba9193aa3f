package dev.transfuse.cache;

import static dev.transfuse.cache.TestCaches.BLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.cache.change.Change;
import dev.transfuse.translators.file.LocalStore;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache over a real store (the translators' local-file store), not our in-memory one. */
class LocalStoreRoundTripTest {
  @TempDir Path root;
  @TempDir Path cacheDir;
  final FakeTicker ticker = new FakeTicker();
  final List<Change> changes = new CopyOnWriteArrayList<>();
  LocalStore store;
  CachedStore cache;

  @BeforeEach
  void setUp() throws Exception {
    store = new LocalStore(root);
    cache = CachedStore.open(store, TestCaches.options(cacheDir, ticker).build());
    cache.addListener(changes::add);
  }

  @AfterEach
  void tearDown() {
    cache.close();
    store.close();
  }

  @Test
  void writtenFilesReadBackByteIdenticalAndMoveAndGo() throws Exception {
    byte[] data = Content.random(7 * BLOCK + 321, 3);
    cache.mkdir("/dir");
    try (WriteHandle w = cache.openWrite("/dir/file.bin", true)) {
      w.write(0, ByteBuffer.wrap(data));
    }
    assertThat(Content.sha256(Files.readAllBytes(root.resolve("dir/file.bin"))))
        .isEqualTo(Content.sha256(data));
    try (ReadHandle r = cache.openRead("/dir/file.bin")) {
      assertThat(Content.sha256(Content.readAll(r, 1000))).isEqualTo(Content.sha256(data));
    }
    assertThat(cache.list("/dir")).extracting(DirEntry::name).containsExactly("file.bin");

    cache.rename("/dir/file.bin", "/dir/moved.bin");
    assertThat(cache.stat("/dir/file.bin")).isEmpty();
    assertThat(cache.list("/dir")).extracting(DirEntry::name).containsExactly("moved.bin");
    cache.delete("/dir/moved.bin");
    assertThat(cache.list("/dir")).isEmpty();
    assertThat(Files.exists(root.resolve("dir/moved.bin"))).isFalse();
  }

  @Test
  void aChangeMadeBesideTheCacheIsFoundByRevalidation() throws Exception {
    Files.write(root.resolve("f.txt"), "one".getBytes());
    try (ReadHandle r = cache.openRead("/f.txt")) {
      assertThat(r.read(0, 10)).isEqualTo("one".getBytes());
    }
    Files.write(root.resolve("f.txt"), "three".getBytes());
    cache.revalidate(List.of("/f.txt"));
    FileAttributes now = cache.stat("/f.txt").orElseThrow();
    assertThat(now.size()).isEqualTo(5);
    assertThat(changes).contains(new Change.FileChanged("/f.txt", now));
    try (ReadHandle r = cache.openRead("/f.txt")) {
      assertThat(r.read(0, 10)).isEqualTo("three".getBytes());
    }
  }
}
