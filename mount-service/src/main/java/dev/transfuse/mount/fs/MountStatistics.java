package dev.transfuse.mount.fs;

import dev.transfuse.cache.stats.CacheStatistics;
import dev.transfuse.fuse.kernel.Opcode;
import java.util.Map;

/**
 * One mount's numbers at one instant: its caches (hits, misses, loads, evictions, bytes fetched
 * and uploaded) and the requests per opcode that reached the daemon — everything else the
 * kernel served.
 *
 * @param daemonLatencyNanos mean time the daemon took per request, by opcode
 * @param nodesHeld node ids the kernel holds lookups on
 * @param openFiles files open through the mount now
 * @param passthroughOpens opens whose reads the kernel served from the disk cache's file
 */
public record MountStatistics(
    CacheStatistics cache, Map<Opcode, Long> daemonRequests, Map<Opcode, Long> daemonLatencyNanos,
    int nodesHeld, int openFiles, long passthroughOpens) {

  public MountStatistics {
    daemonRequests = Map.copyOf(daemonRequests);
    daemonLatencyNanos = Map.copyOf(daemonLatencyNanos);
  }
}
