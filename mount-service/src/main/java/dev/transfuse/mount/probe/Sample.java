package dev.transfuse.mount.probe;

import java.util.HashMap;
import java.util.Map;

/**
 * One tick of bpftrace output: the cumulative counters of every device it saw, and the requests
 * per process since the previous tick. Built by {@link SampleParser}, read-only afterwards.
 */
final class Sample {
  /**
   * CLOCK_MONOTONIC nanoseconds when bpftrace's interval probe fired, before it read the maps:
   * every call that finished earlier is in this sample. Set once, by the parser.
   */
  long atNanos;
  /** By kernel dev_t (= FUSE connection id): requests, latency, statx/fallback stat, dents, reads. */
  final Map<Long, Counters> byDevice = new HashMap<>();
  /** By user-space st_dev: stat calls that returned a {@code struct stat}. */
  final Map<Long, Long> statByUserDevice = new HashMap<>();
  /** By connection, then pid: requests sent during this tick only. */
  final Map<Long, Map<Integer, Long>> processRequests = new HashMap<>();
  final Map<Integer, String> comms = new HashMap<>();

  Counters device(long dev) {
    return byDevice.computeIfAbsent(dev, d -> new Counters());
  }

  /** The cumulative counters of one mount. */
  Counters countersFor(ProbeTarget target) {
    Counters c = byDevice.getOrDefault(target.connectionId(), Counters.ZERO).copy();
    c.statCalls += statByUserDevice.getOrDefault(target.deviceNumber(), 0L);
    return c;
  }

  Map<Integer, Long> processRequestsFor(ProbeTarget target) {
    return processRequests.getOrDefault(target.connectionId(), Map.of());
  }
}
