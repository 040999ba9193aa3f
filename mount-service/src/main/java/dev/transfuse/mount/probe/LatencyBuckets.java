package dev.transfuse.mount.probe;

/**
 * The probe's latency buckets: bucket {@code m * 8 + s} holds nanosecond values whose highest set
 * bit is m and whose next three bits are s, so a bucket is at most 1/8 of its value wide (the
 * bpftrace side is {@code BpftraceProgram.bucketOf}). Values below 8 ns use bucket {@code m * 8}.
 */
final class LatencyBuckets {
  /** 64 powers of two, 8 sub-buckets each. */
  static final int COUNT = 64 * 8;

  private LatencyBuckets() {}

  /** The bucket bpftrace computes for {@code nanos}; here for tests and for symmetry. */
  static int of(long nanos) {
    int m = 63 - Long.numberOfLeadingZeros(Math.max(1, nanos));
    return m < 3 ? m * 8 : m * 8 + (int) ((nanos >>> (m - 3)) & 7);
  }

  /** The middle of a bucket's range, in nanoseconds. */
  static double midpointNanos(int bucket) {
    int m = bucket / 8;
    int s = bucket % 8;
    if (m < 3) {
      return 1L << m;
    }
    double low = (double) (8 + s) * (1L << (m - 3));
    double width = (double) (1L << (m - 3));
    return low + width / 2;
  }

  /**
   * The {@code q} quantile (0 < q <= 1) of a histogram, as the midpoint of the bucket that holds
   * the value of rank ceil(q * total), in microseconds rounded to 0.1; 0 when empty.
   */
  static double quantileMicros(long[] buckets, double q) {
    long total = 0;
    for (long n : buckets) {
      total += n;
    }
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int b = 0; b < buckets.length; b++) {
      seen += buckets[b];
      if (seen >= rank) {
        return Math.round(midpointNanos(b) / 100.0) / 10.0;
      }
    }
    throw new AssertionError("rank beyond total");
  }
}
