package dev.transfuse.mount.probe;

import java.util.Arrays;

/**
 * Counts for one mount, cumulative since the bpftrace process started (or a difference of two
 * such, for a window): application calls per category and daemon requests per opcode with their
 * latency buckets. Mutable only while a sample is being parsed; shared read-only afterwards.
 */
final class Counters {
  static final int OPCODES = 64;
  static final Counters ZERO = new Counters();

  long statCalls;
  long readdirCalls;
  long readCalls;
  final long[] requests = new long[OPCODES];
  /** Per opcode, null until that opcode has a completed request. */
  final long[][] latency = new long[OPCODES][];

  long requests(int opcode) {
    return requests[opcode];
  }

  long[] latencyBuckets(int opcode) {
    long[] b = latency[opcode];
    return b == null ? new long[LatencyBuckets.COUNT] : b;
  }

  void addLatency(int opcode, int bucket, long n) {
    if (latency[opcode] == null) {
      latency[opcode] = new long[LatencyBuckets.COUNT];
    }
    latency[opcode][bucket] += n;
  }

  Counters copy() {
    return minus(ZERO);
  }

  /**
   * This minus an earlier state. Clamped at zero: counters only grow within one bpftrace run,
   * so a negative difference can only mean a baseline from another run.
   */
  Counters minus(Counters earlier) {
    Counters d = new Counters();
    d.statCalls = Math.max(0, statCalls - earlier.statCalls);
    d.readdirCalls = Math.max(0, readdirCalls - earlier.readdirCalls);
    d.readCalls = Math.max(0, readCalls - earlier.readCalls);
    for (int op = 0; op < OPCODES; op++) {
      d.requests[op] = Math.max(0, requests[op] - earlier.requests[op]);
      if (latency[op] != null) {
        long[] before = earlier.latency[op];
        long[] diff = Arrays.copyOf(latency[op], LatencyBuckets.COUNT);
        for (int b = 0; before != null && b < diff.length; b++) {
          diff[b] = Math.max(0, diff[b] - before[b]);
        }
        d.latency[op] = diff;
      }
    }
    return d;
  }
}
