package dev.transfuse.fuse.server;

import dev.transfuse.fuse.kernel.Opcode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many requests of each opcode reached this daemon: what the kernel did not serve. */
public final class RequestCounters {
  private final LongAdder[] byCode = new LongAdder[64];
  private final LongAdder[] nanosByCode = new LongAdder[64];

  RequestCounters() {
    for (int i = 0; i < byCode.length; i++) {
      byCode[i] = new LongAdder();
      nanosByCode[i] = new LongAdder();
    }
  }

  /** Adds the time from reading a request to writing its reply. */
  void addTime(int opcode, long nanos) {
    if (opcode >= 0 && opcode < nanosByCode.length) {
      nanosByCode[opcode].add(nanos);
    }
  }

  /** Mean time the daemon took per request, by opcode (for those seen so far). */
  public Map<Opcode, Long> meanNanos() {
    Map<Opcode, Long> m = new EnumMap<>(Opcode.class);
    for (Opcode op : Opcode.values()) {
      long n = byCode[op.code()].sum();
      if (n > 0) {
        m.put(op, nanosByCode[op.code()].sum() / n);
      }
    }
    return m;
  }

  void increment(int opcode) {
    if (opcode >= 0 && opcode < byCode.length) {
      byCode[opcode].increment();
    }
  }

  public long count(Opcode op) {
    return byCode[op.code()].sum();
  }

  public long total() {
    long sum = 0;
    for (LongAdder a : byCode) {
      sum += a.sum();
    }
    return sum;
  }

  /** The opcodes seen so far with their counts. */
  public Map<Opcode, Long> snapshot() {
    Map<Opcode, Long> m = new EnumMap<>(Opcode.class);
    for (Opcode op : Opcode.values()) {
      long n = byCode[op.code()].sum();
      if (n > 0) {
        m.put(op, n);
      }
    }
    return m;
  }
}
