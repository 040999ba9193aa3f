package dev.transfuse.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.server.RequestCounters;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of the protocol work: with long timeouts, KEEP_CACHE and the zero-message opendir,
 * hot stat, listdir and re-reads are answered by the kernel, and counted requests stay at zero
 * until the filesystem invalidates.
 */
class KernelCacheTest {
  @TempDir Path tmp;
  MemoryFilesystem fs;
  TestMount mount;
  RequestCounters counters;

  @BeforeEach
  void mount() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    fs.putFile("/hot.txt", "hot".getBytes());
    for (int i = 0; i < 250; i++) {
      fs.putFile(String.format("/dir/entry-%03d.dat", i), new byte[i]);
    }
    mount = new TestMount(tmp, fs);
    counters = mount.session().counters();
  }

  @AfterEach
  void unmount() throws Exception {
    mount.close();
  }

  private static int listCount(Path dir) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path ignored : s) {
        n++;
      }
    }
    return n;
  }

  @Test
  void tenThousandHotStatsReachTheFilesystemZeroTimes() throws Exception {
    Path hot = mount.resolve("hot.txt");
    Files.readAttributes(hot, BasicFileAttributes.class); // warm-up: LOOKUP (+ STATX probe)
    long before = counters.total();
    for (int i = 0; i < 10_000; i++) {
      assertThat(Files.readAttributes(hot, BasicFileAttributes.class).size()).isEqualTo(3);
    }
    assertThat(counters.total() - before).as("requests during 10,000 hot stats").isZero();

    // after INVAL_INODE (attributes) the next stat asks again
    fs.kernel().invalidateInode(fs.nodeId("/hot.txt"), -1, 0);
    long getattrs = counters.count(Opcode.GETATTR);
    Files.readAttributes(hot, BasicFileAttributes.class);
    assertThat(counters.count(Opcode.GETATTR)).isEqualTo(getattrs + 1);
  }

  @Test
  void thousandHotListdirsOfA250EntryDirectoryReachItZeroTimes() throws Exception {
    Path dir = mount.resolve("dir");
    // Warm-up: the listing fills the kernel's readdir cache. After a READDIR from the daemon the
    // kernel marks the directory's atime stale, so the next fstat (glibc's opendir does one)
    // costs one GETATTR; the stat makes that part of the warm-up rather than of the hot loop.
    assertThat(listCount(dir)).isEqualTo(250);
    Files.readAttributes(dir, BasicFileAttributes.class);
    long before = counters.total();
    var snap = counters.snapshot();
    for (int i = 0; i < 1000; i++) {
      assertThat(listCount(dir)).isEqualTo(250);
    }
    assertThat(counters.total() - before)
        .as("requests during 1,000 hot listdirs (before %s, after %s)", snap, counters.snapshot())
        .isZero();
    assertThat(counters.count(Opcode.OPENDIR)).as("zero-message opendir").isLessThanOrEqualTo(1);
    assertThat(counters.count(Opcode.RELEASEDIR)).isZero();

    // a change behind the kernel's back is invisible until the directory is invalidated ...
    fs.putFile("/dir/new-entry", new byte[1]);
    assertThat(listCount(dir)).isEqualTo(250);
    long listings = counters.count(Opcode.READDIR) + counters.count(Opcode.READDIRPLUS);
    fs.kernel().invalidateInode(fs.nodeId("/dir"), 0, 0);
    // ... then the next listdir reaches the filesystem and shows it
    assertThat(listCount(dir)).isEqualTo(251);
    assertThat(counters.count(Opcode.READDIR) + counters.count(Opcode.READDIRPLUS))
        .isGreaterThan(listings);
  }

  @Test
  void invalidatedEntryIsLookedUpAgain() throws Exception {
    Path hot = mount.resolve("hot.txt");
    assertThat(Files.exists(hot)).isTrue();
    fs.removeBehindKernel("/hot.txt");
    assertThat(Files.exists(hot)).as("the kernel still serves the cached entry").isTrue();
    long lookups = counters.count(Opcode.LOOKUP);
    assertThat(fs.kernel().invalidateEntry(Filesystem.ROOT_ID, "hot.txt")).isTrue();
    assertThatThrownBy(() -> Files.readAttributes(hot, BasicFileAttributes.class))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(counters.count(Opcode.LOOKUP)).isEqualTo(lookups + 1);

    // negative entries are cached too: the missing name is not looked up again
    for (int i = 0; i < 100; i++) {
      assertThat(Files.exists(hot)).isFalse();
    }
    assertThat(counters.count(Opcode.LOOKUP)).isEqualTo(lookups + 1);
  }

  @Test
  void pageCacheSurvivesReopenWithKeepCacheUntilInvalidated() throws Exception {
    byte[] data = new byte[4 << 20];
    new java.util.Random(7).nextBytes(data);
    fs.putFile("/data.bin", data);
    Path f = mount.resolve("data.bin");
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
    long reads = counters.count(Opcode.READ);
    for (int i = 0; i < 20; i++) {
      assertThat(Files.readAllBytes(f)).isEqualTo(data);
    }
    assertThat(counters.count(Opcode.READ)).as("hot re-reads come from the page cache")
        .isEqualTo(reads);

    byte[] changed = data.clone();
    changed[12345] ^= 1;
    fs.replaceContent("/data.bin", changed);
    fs.kernel().invalidateInode(fs.nodeId("/data.bin"), 0, 0);
    assertThat(Files.readAllBytes(f)).isEqualTo(changed);
    assertThat(counters.count(Opcode.READ)).isGreaterThan(reads);
  }
}
