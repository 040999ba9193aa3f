package dev.transfuse.mount.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

  @Test
  void bucketsAreAnEighthOfTheirValueWide() {
    // 123,456,789 ns: highest bit 26, next three bits 110
    assertThat(LatencyBuckets.of(123_456_789)).isEqualTo(26 * 8 + 6);
    for (long v : new long[] {8, 1000, 12_345, 999_999, 5_000_000_000L}) {
      double mid = LatencyBuckets.midpointNanos(LatencyBuckets.of(v));
      assertThat(mid).isCloseTo(v, within(v / 16.0 + 1));
    }
    assertThat(LatencyBuckets.of(1)).isZero();
    assertThat(LatencyBuckets.of(7)).isEqualTo(2 * 8);
  }

  @Test
  void quantilesComeFromTheBucketHoldingTheRank() {
    long[] b = new long[LatencyBuckets.COUNT];
    b[LatencyBuckets.of(10_000)] = 98; // 98 requests of 10 µs
    b[LatencyBuckets.of(2_000_000)] = 2; // 2 of 2 ms
    assertThat(LatencyBuckets.quantileMicros(b, 0.5)).isCloseTo(10, within(0.7));
    assertThat(LatencyBuckets.quantileMicros(b, 0.98)).isCloseTo(10, within(0.7));
    assertThat(LatencyBuckets.quantileMicros(b, 0.99)).isCloseTo(2000, within(130.0));
    assertThat(LatencyBuckets.quantileMicros(new long[LatencyBuckets.COUNT], 0.5)).isZero();
  }
}
