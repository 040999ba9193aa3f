package dev.transfuse.fuse;

import static dev.transfuse.fuse.testing.TestMount.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File operations on a real mount, through java.nio and through the usual shell tools. */
class FileOperationsTest {
  @TempDir static Path tmp;
  static MemoryFilesystem fs;
  static TestMount mount;
  static Path mnt;

  @BeforeAll
  static void mount() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(1), true);
    fs.putFile("/docs/readme.txt", "read me\n".getBytes(StandardCharsets.UTF_8));
    mount = new TestMount(tmp, fs);
    mnt = mount.path();
  }

  @AfterAll
  static void unmount() throws Exception {
    mount.close();
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void writesAndReadsBackLargeFilesByteForByte() throws Exception {
    byte[] data = random(5 * 1024 * 1024 + 123, 1);
    Path f = mnt.resolve("big.bin");
    Files.write(f, data);
    assertThat(Files.size(f)).isEqualTo(data.length);
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
  }

  @Test
  void randomAccessReadsAndWritesAtOddOffsets() throws Exception {
    Path f = mnt.resolve("random.bin");
    byte[] data = random(300_000, 2);
    Files.write(f, data);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("PATCH".getBytes()), 123_457);
      System.arraycopy("PATCH".getBytes(), 0, data, 123_457, 5);
      ByteBuffer buf = ByteBuffer.allocate(10_001);
      ch.read(buf, 99_999);
      assertThat(buf.array()).isEqualTo(java.util.Arrays.copyOfRange(data, 99_999, 110_000));
      ByteBuffer past = ByteBuffer.allocate(10);
      assertThat(ch.read(past, 400_000)).isEqualTo(-1);
    }
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
  }

  @Test
  void directoriesRenameDeleteAndErrors() throws Exception {
    Path d = Files.createDirectories(mnt.resolve("a/b/c"));
    Files.writeString(d.resolve("x.txt"), "x");
    assertThatThrownBy(() -> Files.createDirectory(mnt.resolve("a")))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThatThrownBy(() -> Files.delete(mnt.resolve("a/b")))
        .isInstanceOf(DirectoryNotEmptyException.class);
    Files.move(mnt.resolve("a/b"), mnt.resolve("moved"));
    assertThat(Files.readString(mnt.resolve("moved/c/x.txt"))).isEqualTo("x");
    assertThat(Files.exists(mnt.resolve("a/b"))).isFalse();
    Files.delete(mnt.resolve("moved/c/x.txt"));
    Files.delete(mnt.resolve("moved/c"));
    assertThatThrownBy(() -> Files.readString(mnt.resolve("moved/c/x.txt")))
        .isInstanceOf(NoSuchFileException.class);
    try (Stream<Path> s = Files.list(mnt.resolve("moved"))) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void attributesTruncateAndTimes() throws Exception {
    Path f = mnt.resolve("attrs.txt");
    Files.writeString(f, "0123456789");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-r-----");
    Instant t = Instant.parse("2020-01-02T03:04:05.123456789Z");
    Files.setLastModifiedTime(f, FileTime.from(t));
    assertThat(Files.readAttributes(f, BasicFileAttributes.class).lastModifiedTime().toInstant())
        .isEqualTo(t);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.truncate(4);
    }
    assertThat(Files.readString(f)).isEqualTo("0123");
    Files.writeString(f, "ab", StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(Files.readString(f)).isEqualTo("ab");
  }

  @Test
  void shellToolsSeeTheSameBytes() throws Exception {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.write(work.resolve("src.bin"), random(3 * 1024 * 1024 + 7, 3));
    String m = mnt.toString();
    sh(work, "mkdir -p " + m + "/tools/sub");
    sh(work, "cp src.bin " + m + "/tools/sub/copy.bin");
    sh(work, "cmp src.bin " + m + "/tools/sub/copy.bin");
    sh(work, "cat " + m + "/tools/sub/copy.bin > back.bin && cmp src.bin back.bin");
    sh(work, "mv " + m + "/tools/sub/copy.bin " + m + "/tools/moved.bin");
    sh(work, "dd if=src.bin of=" + m + "/tools/dd.bin bs=64k status=none");
    sh(work, "cmp src.bin " + m + "/tools/dd.bin");
    sh(work, "dd if=" + m + "/tools/dd.bin of=part.bin bs=1000 skip=7 count=13 status=none");
    sh(work, "dd if=src.bin of=part2.bin bs=1000 skip=7 count=13 status=none; cmp part.bin part2.bin");
    sh(work, "truncate -s 1000 " + m + "/tools/dd.bin");
    assertThat(Files.size(mnt.resolve("tools/dd.bin"))).isEqualTo(1000);
    sh(work, "touch " + m + "/tools/empty && touch -d '2001-02-03 04:05:06Z' " + m + "/tools/empty");
    assertThat(Files.getLastModifiedTime(mnt.resolve("tools/empty")).toInstant())
        .isEqualTo(Instant.parse("2001-02-03T04:05:06Z"));
    String ls = sh(work, "ls -l " + m + "/tools");
    assertThat(ls).contains("moved.bin").contains("empty").contains("sub").contains("1000");
    assertThat(ls).contains(Long.toString(3 * 1024 * 1024 + 7));
    List<String> found = List.of(sh(work, "cd " + m + " && find tools | sort").trim().split("\n"));
    assertThat(found).containsExactly("tools", "tools/dd.bin", "tools/empty", "tools/moved.bin",
        "tools/sub");
    sh(work, "rm " + m + "/tools/moved.bin && rm -r " + m + "/tools/sub");
    assertThat(Files.exists(mnt.resolve("tools/moved.bin"))).isFalse();
    assertThat(sh(work, "cat " + m + "/docs/readme.txt")).isEqualTo("read me\n");
    assertThat(sh(work, "stat -f -c %S " + m).trim()).isEqualTo("4096");
  }
}
