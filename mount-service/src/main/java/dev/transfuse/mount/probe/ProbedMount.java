package dev.transfuse.mount.probe;

/**
 * A mount's registration with a {@link KernelCacheProbe}: ask it for {@link #stats()}, close it
 * when the mount goes away (the last close stops bpftrace). Thread-safe; close is idempotent.
 */
public final class ProbedMount implements AutoCloseable {
  private final KernelCacheProbe probe;
  private final ProbeTarget target;

  ProbedMount(KernelCacheProbe probe, ProbeTarget target) {
    this.probe = probe;
    this.target = target;
  }

  public ProbeTarget target() {
    return target;
  }

  /** Both windows as of the last tick; "unavailable: ..." when the probe cannot run. */
  public KernelStats stats() {
    return probe.stats(this);
  }

  @Override
  public void close() {
    probe.unregister(this);
  }

  @Override
  public String toString() {
    return "ProbedMount[" + target.mountpoint() + ", connection " + target.connectionId() + "]";
  }
}
