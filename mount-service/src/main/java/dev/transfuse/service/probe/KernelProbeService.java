package dev.transfuse.service.probe;

import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.mount.probe.KernelCacheProbe;
import dev.transfuse.mount.probe.KernelStats;
import dev.transfuse.mount.probe.ProbeOptions;
import dev.transfuse.mount.probe.ProbeTarget;
import dev.transfuse.mount.probe.ProbedMount;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service's one eBPF probe (bpftrace, started with the first mount and stopped with the
 * last). It can be switched off ({@code transfuse.kernel-probe.enabled=false}): while it runs,
 * every stat and read on the machine pays about a microsecond for the probe's counters.
 */
@Component
public class KernelProbeService {
  private final KernelCacheProbe probe;
  private final String disabledReason;

  public KernelProbeService(
      @Value("${transfuse.kernel-probe.enabled:true}") boolean enabled,
      @Value("${transfuse.kernel-probe.bpftrace:/usr/bin/bpftrace}") Path bpftrace) {
    this.probe = enabled ? new KernelCacheProbe(ProbeOptions.defaults().withBpftrace(bpftrace))
        : null;
    this.disabledReason = enabled ? null
        : "unavailable: the kernel probe is switched off (transfuse.kernel-probe.enabled=false)";
  }

  /** Starts measuring a mount; closing the result stops it. Null when the probe is off. */
  public ProbedMount register(StoreMount mount) {
    return probe == null ? null : probe.register(ProbeTarget.of(mount.session()));
  }

  public KernelStats stats(ProbedMount probed) {
    if (probed == null) {
      return KernelStats.unavailable(disabledReason != null ? disabledReason
          : "unavailable: the mount is not mounted");
    }
    return probed.stats();
  }

  @PreDestroy
  public void close() {
    if (probe != null) {
      probe.close();
    }
  }
}
