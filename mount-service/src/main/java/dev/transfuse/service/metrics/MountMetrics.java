package dev.transfuse.service.metrics;

import dev.transfuse.mount.fs.MountStatistics;
import dev.transfuse.service.mounts.MountService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics per mount, refreshed every few seconds from each mount's statistics:
 * daemon requests per opcode (what the kernel did not serve) with their mean latency, cache hits
 * and misses per tier, bytes fetched from and uploaded to the store. Mounts that go away drop
 * their rows.
 */
@Component
public class MountMetrics {
  private final MountService mounts;
  private final MultiGauge requests;
  private final MultiGauge latency;
  private final MultiGauge cacheHits;
  private final MultiGauge cacheMisses;
  private final MultiGauge bytes;
  private final MultiGauge kernelServed;
  private final MultiGauge probeAvailable;

  public MountMetrics(MountService mounts, MeterRegistry registry) {
    this.mounts = mounts;
    this.requests = MultiGauge.builder("transfuse.daemon.requests")
        .description("FUSE requests that reached the daemon, per mount and opcode")
        .register(registry);
    this.latency = MultiGauge.builder("transfuse.daemon.request.mean.seconds")
        .description("mean time the daemon took to answer, per mount and opcode")
        .register(registry);
    this.cacheHits = MultiGauge.builder("transfuse.cache.hits")
        .description("cache hits per mount and tier").register(registry);
    this.cacheMisses = MultiGauge.builder("transfuse.cache.misses")
        .description("cache misses per mount and tier").register(registry);
    this.bytes = MultiGauge.builder("transfuse.store.bytes")
        .description("bytes fetched from (direction=in) and uploaded to (out) the store")
        .baseUnit("bytes").register(registry);
    this.kernelServed = MultiGauge.builder("transfuse.kernel.served.share")
        .description("share of application calls the kernel served in the last 10 s (eBPF),"
            + " per mount and category; absent when the probe is unavailable")
        .register(registry);
    this.probeAvailable = MultiGauge.builder("transfuse.kernel.probe.available")
        .description("1 when the eBPF probe measures the mount, 0 when it is unavailable (the"
            + " API's kernel-stats says why)").register(registry);
  }

  @Scheduled(fixedDelay = 5000, initialDelay = 1000)
  public void refresh() {
    List<MultiGauge.Row<?>> req = new ArrayList<>();
    List<MultiGauge.Row<?>> lat = new ArrayList<>();
    List<MultiGauge.Row<?>> hits = new ArrayList<>();
    List<MultiGauge.Row<?>> misses = new ArrayList<>();
    List<MultiGauge.Row<?>> io = new ArrayList<>();
    List<MultiGauge.Row<?>> served = new ArrayList<>();
    List<MultiGauge.Row<?>> available = new ArrayList<>();
    for (var view : mounts.list()) {
      MountStatistics s;
      try {
        s = mounts.mounted(view.name()).statistics();
      } catch (RuntimeException notMounted) {
        continue;
      }
      Tags mount = Tags.of("mount", view.name());
      s.daemonRequests().forEach((op, n) -> req.add(
          MultiGauge.Row.of(mount.and("opcode", op.name()), n)));
      s.daemonLatencyNanos().forEach((op, nanos) -> lat.add(
          MultiGauge.Row.of(mount.and("opcode", op.name()), nanos / 1e9)));
      var c = s.cache();
      addTier(hits, misses, mount, "attributes", c.attributes());
      addTier(hits, misses, mount, "listings", c.listings());
      addTier(hits, misses, mount, "memory_blocks", c.memoryBlocks());
      addTier(hits, misses, mount, "disk_blocks", c.diskBlocks());
      io.add(MultiGauge.Row.of(mount.and("direction", "in"), c.bytesFetched()));
      io.add(MultiGauge.Row.of(mount.and("direction", "out"), c.bytesUploaded()));
      var k = mounts.kernelStats(view.name());
      available.add(MultiGauge.Row.of(mount, k.available() ? 1 : 0));
      if (k.available() && k.last10s() != null) {
        addShare(served, mount, "stat", k.last10s().stat());
        addShare(served, mount, "readdir", k.last10s().readdir());
        addShare(served, mount, "read", k.last10s().read());
      }
    }
    kernelServed.register(served, true);
    probeAvailable.register(available, true);
    requests.register(req, true);
    latency.register(lat, true);
    cacheHits.register(hits, true);
    cacheMisses.register(misses, true);
    bytes.register(io, true);
  }

  private static void addShare(List<MultiGauge.Row<?>> rows, Tags mount, String category,
      dev.transfuse.mount.probe.KernelStats.Category c) {
    if (c != null && c.kernelServedShare() != null) {
      rows.add(MultiGauge.Row.of(mount.and("category", category), c.kernelServedShare()));
    }
  }

  private static void addTier(List<MultiGauge.Row<?>> hits, List<MultiGauge.Row<?>> misses,
      Tags mount, String tier, dev.transfuse.cache.stats.TierStats t) {
    hits.add(MultiGauge.Row.of(mount.and("tier", tier), t.hits()));
    misses.add(MultiGauge.Row.of(mount.and("tier", tier), t.misses()));
  }
}
