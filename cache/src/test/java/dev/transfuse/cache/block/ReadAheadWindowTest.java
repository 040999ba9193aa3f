package dev.transfuse.cache.block;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadAheadWindowTest {
  static final int MIB = 1 << 20;
  static final int KIB128 = 128 * 1024;

  @Test
  void theKernelsSlightlyReorderedReadsStillCountAsSequential() {
    ReadAheadWindow w = new ReadAheadWindow(MIB, 16);
    // FUSE sends 128 KiB READs; with parallel readers they may arrive out of order.
    long[] offsets = {0, KIB128, 3L * KIB128, 2L * KIB128, 4L * KIB128, 5L * KIB128};
    for (long o : offsets) {
      w.advise(o, KIB128, 100);
    }
    assertThat(w.windowBlocks()).isEqualTo(16);
  }

  @Test
  void aJumpResetsTheWindowAndAdvisesNothing() {
    ReadAheadWindow w = new ReadAheadWindow(MIB, 16);
    w.advise(0, MIB, 100);
    w.advise(MIB, MIB, 100);
    assertThat(w.windowBlocks()).isEqualTo(2);
    long[] ahead = w.advise(50L * MIB, 4096, 100);
    assertThat(ahead[0]).isGreaterThanOrEqualTo(ahead[1]);
    assertThat(w.windowBlocks()).isZero();
    // and sequential reading from the new place grows it again
    w.advise(50L * MIB + 4096, 4096, 100);
    assertThat(w.windowBlocks()).isEqualTo(1);
  }

  @Test
  void adviceNeverPassesTheEndOrRepeatsBlocks() {
    ReadAheadWindow w = new ReadAheadWindow(4096, 8);
    long next = 0;
    for (long off = 0; off < 10 * 4096; off += 4096) {
      long[] a = w.advise(off, 4096, 10);
      assertThat(a[1]).isLessThanOrEqualTo(10);
      if (a[0] < a[1]) {
        assertThat(a[0]).isGreaterThanOrEqualTo(next);
        next = a[1];
      }
    }
  }

  @Test
  void zeroMeansNoReadAhead() {
    ReadAheadWindow w = ReadAheadWindow.none(4096);
    long[] a = w.advise(0, 4096, 10);
    assertThat(a[0]).isGreaterThanOrEqualTo(a[1]);
  }
}
