package dev.transfuse.translators.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.FileType;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.testing.FixtureTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every store must do, read side: one subclass per store runs it against a real server on
 * loopback whose backing storage holds {@link FixtureTree}. Writable stores also run {@link
 * WritableStoreContractTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContractTest {
  protected Store store;

  /** Starts the server, writes {@link FixtureTree} into its storage, opens the store on it. */
  protected abstract Store start() throws Exception;

  /** Stops the server (the store is already closed). */
  protected abstract void stop() throws Exception;

  /**
   * False for HTTP servers with PATH_INFO semantics (lighttpd), which answer "/file/x" with the
   * file. Harmless for a mount: the kernel never looks a name up below a regular file.
   */
  protected boolean pathsBelowFilesAreAbsent() {
    return true;
  }

  /** True for stores that report capacity (file, SFTP servers with statvfs@openssh.com). */
  protected boolean knowsSpace() {
    return false;
  }

  @BeforeAll
  void startStore() throws Exception {
    store = start();
  }

  @AfterAll
  void stopStore() throws Exception {
    try {
      if (store != null) {
        store.close();
      }
    } finally {
      stop();
    }
  }

  protected static byte[] readAll(Store store, String path, long offset, long length)
      throws IOException {
    try (InputStream in = store.read(path, offset, length)) {
      return in.readAllBytes();
    }
  }

  @Test
  void statOfAFileGivesSizeTimeTypeAndChangeToken() throws Exception {
    FileAttributes a = store.stat("/data.bin").orElseThrow();
    assertThat(a.type()).isEqualTo(FileType.FILE);
    assertThat(a.size()).isEqualTo(FixtureTree.DATA.length);
    assertThat(a.modified()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(a.changeToken()).isNotEmpty();
  }

  @Test
  void statOfDirectoriesAndRoot() throws Exception {
    assertThat(store.stat("/").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
    assertThat(store.stat("/nested").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
    assertThat(store.stat("/nested/a/b").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
    assertThat(store.stat("/empty").orElseThrow().type()).isEqualTo(FileType.DIRECTORY);
  }

  @Test
  void statOfNothingIsEmptyNotAnError() throws Exception {
    assertThat(store.stat("/no-such-file")).isEmpty();
    assertThat(store.stat("/nested/no/such")).isEmpty();
    if (pathsBelowFilesAreAbsent()) {
      assertThat(store.stat("/hello.txt/below-a-file")).isEmpty();
    }
  }

  @Test
  void malformedPathsAreRefused() {
    for (String bad : List.of("", "relative", "/trailing/", "/a//b", "/a/../b", "/./a")) {
      assertThatThrownBy(() -> store.stat(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void listOfRootGivesEntriesWithTypesAndSizes() throws Exception {
    Map<String, FileAttributes> root = byName(store.list("/"));
    assertThat(root).containsKeys("hello.txt", "data.bin", "nested", "names", "empty", "large");
    assertThat(root.get("hello.txt").type()).isEqualTo(FileType.FILE);
    assertThat(root.get("hello.txt").size()).isEqualTo(FixtureTree.HELLO.length);
    assertThat(root.get("data.bin").size()).isEqualTo(FixtureTree.DATA.length);
    assertThat(root.get("nested").type()).isEqualTo(FileType.DIRECTORY);
    assertThat(root.get("empty").type()).isEqualTo(FileType.DIRECTORY);
  }

  @Test
  void listedAttributesMatchStat() throws Exception {
    for (DirEntry e : store.list("/names")) {
      FileAttributes stat = store.stat("/names/" + e.name()).orElseThrow();
      assertThat(e.attributes().size()).as(e.name()).isEqualTo(stat.size());
      assertThat(e.attributes().type()).as(e.name()).isEqualTo(stat.type());
    }
    FileAttributes listed = byName(store.list("/")).get("data.bin");
    FileAttributes stat = store.stat("/data.bin").orElseThrow();
    assertThat(listed.modified().getEpochSecond() / 60)
        .isEqualTo(stat.modified().getEpochSecond() / 60); // index pages show minutes
  }

  @Test
  void nestedDirectoriesList() throws Exception {
    assertThat(names(store.list("/nested"))).containsExactly("a");
    assertThat(names(store.list("/nested/a"))).containsExactly("b");
    assertThat(names(store.list("/nested/a/b"))).containsExactly("deep.txt");
    assertThat(readAll(store, "/nested/a/b/deep.txt", 0, 100)).isEqualTo(FixtureTree.DEEP);
  }

  @Test
  void namesWithSpacesUnicodeAndPercentRoundTrip() throws Exception {
    assertThat(names(store.list("/names")))
        .containsExactlyInAnyOrderElementsOf(FixtureTree.ODD_NAMES);
    for (String name : FixtureTree.ODD_NAMES) {
      String path = "/names/" + name;
      byte[] expected = name.getBytes(StandardCharsets.UTF_8);
      assertThat(store.stat(path).orElseThrow().size()).as(name).isEqualTo(expected.length);
      assertThat(readAll(store, path, 0, 1000)).as(name).isEqualTo(expected);
    }
  }

  @Test
  void emptyDirectoryListsAsEmpty() throws Exception {
    assertThat(store.list("/empty")).isEmpty();
  }

  @Test
  void listingNothingOrAFileFails() {
    assertThatThrownBy(() -> store.list("/no-such-dir"))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    assertThatThrownBy(() -> store.list("/hello.txt"))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_A_DIRECTORY));
  }

  @Test
  void largeListingHasEveryEntryWithItsSize() throws Exception {
    List<DirEntry> entries = store.list("/large");
    assertThat(entries).hasSize(FixtureTree.LARGE_COUNT);
    Map<String, FileAttributes> byName = byName(entries);
    for (int i = 0; i < FixtureTree.LARGE_COUNT; i += 1) {
      FileAttributes a = byName.get(FixtureTree.largeName(i));
      assertThat(a).as(FixtureTree.largeName(i)).isNotNull();
      assertThat(a.size()).isEqualTo(FixtureTree.largeContent(i).length);
      assertThat(a.type()).isEqualTo(FileType.FILE);
    }
  }

  @Test
  void rangedReadsAtOddOffsets() throws Exception {
    byte[] data = FixtureTree.DATA;
    assertThat(readAll(store, "/data.bin", 0, 10)).isEqualTo(Arrays.copyOfRange(data, 0, 10));
    assertThat(readAll(store, "/data.bin", 12_345, 777))
        .isEqualTo(Arrays.copyOfRange(data, 12_345, 12_345 + 777));
    assertThat(readAll(store, "/data.bin", 131_071, 65_537))
        .isEqualTo(Arrays.copyOfRange(data, 131_071, 131_071 + 65_537));
    assertThat(readAll(store, "/data.bin", 0, data.length)).isEqualTo(data);
  }

  @Test
  void readsPastEndOfFileAreShortOrEmpty() throws Exception {
    byte[] data = FixtureTree.DATA;
    assertThat(readAll(store, "/data.bin", data.length - 10, 100))
        .isEqualTo(Arrays.copyOfRange(data, data.length - 10, data.length));
    assertThat(readAll(store, "/data.bin", data.length, 100)).isEmpty();
    assertThat(readAll(store, "/data.bin", data.length + 1000, 100)).isEmpty();
    assertThat(readAll(store, "/data.bin", 5, 0)).isEmpty();
  }

  @Test
  void readOfNothingIsNotFound() {
    assertThatThrownBy(() -> readAll(store, "/no-such-file", 0, 10))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void closingEarlyCancelsAndTheStoreStaysUsable() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (InputStream in = store.read("/data.bin", 0, FixtureTree.DATA.length)) {
        assertThat(in.read()).isEqualTo(FixtureTree.DATA[0] & 0xff);
      }
    }
    assertThat(readAll(store, "/hello.txt", 0, 100)).isEqualTo(FixtureTree.HELLO);
  }

  @Test
  void parallelRangedReadsReturnTheirOwnBytes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      int chunk = FixtureTree.DATA.length / 8;
      List<Future<byte[]>> parts = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        long offset = (long) i * chunk;
        parts.add(pool.submit(() -> readAll(store, "/data.bin", offset, chunk)));
      }
      for (int i = 0; i < 8; i++) {
        assertThat(parts.get(i).get())
            .isEqualTo(Arrays.copyOfRange(FixtureTree.DATA, i * chunk, (i + 1) * chunk));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void capabilitiesAreConsistent() {
    if (store.capabilities().readOnly()) {
      assertThat(store.capabilities().randomWrite()).isFalse();
    }
    assertThat(store.capabilities().listing()).isTrue();
  }

  @Test
  void spaceTotalsAreReportedWhereKnown() throws Exception {
    java.util.Optional<dev.transfuse.translators.store.SpaceInfo> space = store.space();
    assertThat(space.isPresent()).isEqualTo(knowsSpace());
    space.ifPresent(s -> assertThat(s.totalBytes()).isPositive()
        .isGreaterThanOrEqualTo(s.freeBytes()));
  }

  @Test
  void toStringCarriesNoSecret() {
    assertThat(store.toString()).doesNotContain("secret", "password", "PRIVATE KEY");
  }

  protected static Map<String, FileAttributes> byName(List<DirEntry> entries) {
    return entries.stream().collect(Collectors.toMap(DirEntry::name, DirEntry::attributes));
  }

  protected static List<String> names(List<DirEntry> entries) {
    return entries.stream().map(DirEntry::name).sorted().collect(Collectors.toList());
  }
}
