package dev.transfuse.mount.probe;

import dev.transfuse.fuse.kernel.Opcode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of one registered mount: its counters at registration (the baseline), at each
 * tick of the last ten-odd seconds, and requests per process since registration. Windows are
 * differences of cumulative counters, so a window is exact up to the tick it ends at. Guarded by
 * the probe's lock.
 */
final class MountWindows {
  static final long LAST_WINDOW_NANOS = 10_000_000_000L;
  /** Keeps per-process totals bounded on a long-lived mount: the smallest are dropped. */
  private static final int MAX_PROCESSES = 1_000;

  private record Tick(long atNanos, Counters cumulative, Map<Integer, Long> processDelta) {}

  private final ProbeTarget target;
  private final int topProcesses;
  private Tick baseline;
  private final Deque<Tick> ticks = new ArrayDeque<>();
  private final Map<Integer, Long> processesSince = new HashMap<>();
  private final Map<Integer, String> comms = new HashMap<>();

  /** @param baseline the counters when the mount registered (the last sample, or zero) */
  MountWindows(ProbeTarget target, int topProcesses, long atNanos, Counters baseline) {
    this.target = target;
    this.topProcesses = topProcesses;
    this.baseline = new Tick(atNanos, baseline, Map.of());
  }

  ProbeTarget target() {
    return target;
  }

  void add(Sample s) {
    Map<Integer, Long> delta = s.processRequestsFor(target);
    ticks.addLast(new Tick(s.atNanos, s.countersFor(target), delta));
    // keep one tick at or before the 10 s mark, as the start of the last-10-s window
    while (ticks.size() > 2
        && s.atNanos - ticks.stream().skip(1).findFirst().orElseThrow().atNanos
            >= LAST_WINDOW_NANOS) {
      ticks.removeFirst();
    }
    for (Map.Entry<Integer, Long> e : delta.entrySet()) {
      processesSince.merge(e.getKey(), e.getValue(), Long::sum);
      String comm = s.comms.get(e.getKey());
      if (comm != null) {
        comms.put(e.getKey(), comm);
      }
    }
    if (processesSince.size() > MAX_PROCESSES) {
      trimProcesses();
    }
  }

  KernelStats stats(long nowNanos) {
    Tick last = ticks.isEmpty() ? baseline : ticks.getLast();
    Tick from = baseline;
    Map<Integer, Long> recent = new HashMap<>();
    for (Tick t : ticks) {
      if (last.atNanos - t.atNanos >= LAST_WINDOW_NANOS) {
        from = t;
      }
    }
    for (Tick t : ticks) {
      if (t.atNanos > from.atNanos) {
        t.processDelta.forEach((pid, n) -> recent.merge(pid, n, Long::sum));
      }
    }
    KernelStats.Window since = window(seconds(last.atNanos, baseline.atNanos),
        last.cumulative.minus(baseline.cumulative), processesSince);
    KernelStats.Window lastTen = window(seconds(last.atNanos, from.atNanos),
        last.cumulative.minus(from.cumulative), recent);
    return new KernelStats(true, null, since, lastTen);
  }

  private static double seconds(long to, long from) {
    return Math.max(0, Math.round((to - from) / 1e7) / 100.0);
  }

  private KernelStats.Window window(double seconds, Counters c, Map<Integer, Long> processes) {
    KernelStats.Category stat = KernelStats.Category.of(c.statCalls,
        c.requests(Opcode.LOOKUP.code()) + c.requests(Opcode.GETATTR.code())
            + c.requests(Opcode.STATX.code()));
    KernelStats.Category readdir = KernelStats.Category.of(c.readdirCalls,
        c.requests(Opcode.OPENDIR.code()) + c.requests(Opcode.READDIR.code())
            + c.requests(Opcode.READDIRPLUS.code()));
    KernelStats.Category read = KernelStats.Category.of(c.readCalls,
        c.requests(Opcode.READ.code()));
    return new KernelStats.Window(seconds, stat, readdir, read, opcodes(c), top(processes));
  }

  private static Map<String, KernelStats.Opcode> opcodes(Counters c) {
    List<Integer> seen = new ArrayList<>();
    for (int op = 0; op < Counters.OPCODES; op++) {
      if (c.requests[op] > 0) {
        seen.add(op);
      }
    }
    seen.sort(Comparator.comparingLong((Integer op) -> -c.requests[op]).thenComparing(op -> op));
    Map<String, KernelStats.Opcode> out = new LinkedHashMap<>();
    for (int op : seen) {
      long[] b = c.latencyBuckets(op);
      out.put(name(op), new KernelStats.Opcode(c.requests[op],
          LatencyBuckets.quantileMicros(b, 0.50), LatencyBuckets.quantileMicros(b, 0.99)));
    }
    return out;
  }

  private static String name(int code) {
    Opcode op = Opcode.of(code);
    return op == null ? "OP_" + code : op.name();
  }

  private List<KernelStats.Process> top(Map<Integer, Long> processes) {
    return processes.entrySet().stream()
        .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(topProcesses)
        .map(e -> new KernelStats.Process(e.getKey(), comms.getOrDefault(e.getKey(), "?"),
            e.getValue()))
        .toList();
  }

  private void trimProcesses() {
    List<Map.Entry<Integer, Long>> all = new ArrayList<>(processesSince.entrySet());
    all.sort(Map.Entry.comparingByValue());
    for (int i = 0; i < all.size() - MAX_PROCESSES / 2; i++) {
      processesSince.remove(all.get(i).getKey());
      comms.remove(all.get(i).getKey());
    }
  }
}
