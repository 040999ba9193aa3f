package dev.transfuse.cache.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {
  static final int BLOCK = 4096;
  @TempDir Path root;

  private static byte[] block(int fill, int len) {
    byte[] b = new byte[len];
    java.util.Arrays.fill(b, (byte) fill);
    return b;
  }

  @Test
  void maintenanceSavesAnIndexOnlyOnceItsObjectHasBeenQuiet() throws Exception {
    ObjectVersion whole = new ObjectVersion("/whole", "t1", 2L * BLOCK);
    ObjectVersion partial = new ObjectVersion("/partial", "t1", 3L * BLOCK);
    for (Duration quiet : new Duration[] {Duration.ofHours(1), Duration.ZERO}) {
      Path dir = root.resolve(quiet.isZero() ? "quiet" : "busy");
      DiskCache c = DiskCache.open(dir, BLOCK, 1 << 20);
      DiskObject w = c.object(whole, true);
      c.write(w, 0, block(1, BLOCK), BLOCK);
      c.write(w, 1, block(2, BLOCK), BLOCK);
      c.write(c.object(partial, true), 0, block(3, BLOCK), BLOCK);
      c.saveQuietIndexes(quiet);

      // What a crash right now would leave: only saved indexes count.
      DiskCache afterCrash = DiskCache.open(dir, BLOCK, 1 << 20);
      if (quiet.isZero()) {
        assertThat(afterCrash.object(whole, false).isComplete()).isTrue();
        assertThat(afterCrash.object(partial, false).has(0)).isTrue();
      } else {
        assertThat(afterCrash.object(whole, false)).as("written just now: not saved").isNull();
        assertThat(afterCrash.object(partial, false)).isNull();
      }
    }
  }

  @Test
  void aReaderInterruptedMidCopyDoesNotBreakTheObjectForOthers() throws Exception {
    ObjectVersion v = new ObjectVersion("/a", "t1", BLOCK);
    DiskCache c = DiskCache.open(root, BLOCK, 1 << 20);
    DiskObject o = c.object(v, true);
    c.write(o, 0, block(5, BLOCK), BLOCK);
    // FileChannel closes itself when a thread is interrupted in it.
    Thread.currentThread().interrupt();
    boolean copied = o.copyTo(0, 0, java.nio.ByteBuffer.allocate(BLOCK), BLOCK);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(copied).isFalse();
    java.nio.ByteBuffer after = java.nio.ByteBuffer.allocate(BLOCK);
    assertThat(o.copyTo(0, 0, after, BLOCK)).as("the next reader opens the file again").isTrue();
    assertThat(after.array()).isEqualTo(block(5, BLOCK));
    c.close();
  }

  @Test
  void blocksWrittenAndSavedAreThereAfterReopening() throws Exception {
    ObjectVersion v = new ObjectVersion("/a", "t1", 2L * BLOCK + 10);
    DiskCache c = DiskCache.open(root, BLOCK, 1 << 20);
    DiskObject o = c.object(v, true);
    c.write(o, 0, block(1, BLOCK), BLOCK);
    c.write(o, 2, block(3, 10), 10);
    c.close();

    DiskCache again = DiskCache.open(root, BLOCK, 1 << 20);
    DiskObject r = again.object(v, false);
    assertThat(r.has(0)).isTrue();
    assertThat(r.has(1)).isFalse();
    java.nio.ByteBuffer back = java.nio.ByteBuffer.allocate(10);
    assertThat(again.lookup(r, 2).copyTo(0, back, 10)).isTrue();
    assertThat(back.array()).isEqualTo(block(3, 10));
    assertThat(again.usedBytes()).isEqualTo(BLOCK + 10);
  }

  @Test
  void aCorruptIndexIsDroppedWithItsDataNeverTrusted() throws Exception {
    ObjectVersion v = new ObjectVersion("/a", "t1", BLOCK);
    DiskCache c = DiskCache.open(root, BLOCK, 1 << 20);
    c.write(c.object(v, true), 0, block(7, BLOCK), BLOCK);
    c.close();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "*.idx")) {
      for (Path idx : ds) {
        Files.write(idx, new byte[] {1, 2, 3});
      }
    }
    DiskCache again = DiskCache.open(root, BLOCK, 1 << 20);
    assertThat(again.object(v, false)).isNull();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      assertThat(ds.iterator().hasNext()).isFalse();
    }
  }

  @Test
  void anotherTokenReplacesTheOldCopy() throws Exception {
    DiskCache c = DiskCache.open(root, BLOCK, 1 << 20);
    ObjectVersion v1 = new ObjectVersion("/a", "t1", BLOCK);
    c.write(c.object(v1, true), 0, block(1, BLOCK), BLOCK);
    ObjectVersion v2 = new ObjectVersion("/a", "t2", BLOCK);
    DiskObject o2 = c.object(v2, true);
    assertThat(o2.has(0)).isFalse();
    assertThat(c.completeFile(v1)).isEmpty();
    assertThat(c.usedBytes()).isZero();
  }

  @Test
  void aWholeObjectLargerThanTheBoundIsNotKept() throws Exception {
    DiskCache c = DiskCache.open(root, BLOCK, 2L * BLOCK);
    ObjectVersion v = new ObjectVersion("/big", "t", 3L * BLOCK);
    DiskObject o = c.object(v, true);
    for (int i = 0; i < 3; i++) {
      c.write(o, i, block(i, BLOCK), BLOCK);
    }
    assertThat(c.usedBytes()).isLessThanOrEqualTo(2L * BLOCK);
    assertThat(c.completeFile(v)).isEmpty();
  }
}
