package dev.transfuse.mount.probe;

import java.nio.file.Path;
import java.time.Duration;

/**
 * For {@link KernelCacheProbeLifecycleTest}: starts a probe, prints bpftrace's pid, and exits
 * the JVM without closing anything, so only the shutdown hook can end bpftrace.
 */
public final class ProbeExitMain {
  private ProbeExitMain() {}

  public static void main(String[] args) throws Exception {
    KernelCacheProbe probe = new KernelCacheProbe(ProbeOptions.defaults());
    probe.register(new ProbeTarget(Path.of("/nowhere"), 1L << 20 | 903, 903));
    if (!probe.awaitReady(Duration.ofSeconds(30))) {
      System.exit(3);
    }
    System.out.println("bpftrace-pid=" + probe.bpftracePid());
    System.out.flush();
    System.exit(0);
  }
}
