package dev.transfuse.service.mounts;

import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.mount.probe.ProbedMount;
import dev.transfuse.translators.Stores;
import java.net.URI;
import java.time.Instant;

/**
 * One mount's live state next to its definition. State changes are made by the service and the
 * reconciler under this object's monitor; readers see a consistent snapshot through {@link
 * #view()}.
 */
final class ManagedMount {
  final MountDefinition definition;
  private MountState state = MountState.MOUNTING;
  private String reason;
  private StoreMount mount;
  private ProbedMount probed;
  private Instant mountedAt;
  private int restarts;
  private String lastError;
  /** Whether the service created the mountpoint directory (and may remove it again). */
  final boolean createdMountPoint;

  ManagedMount(MountDefinition definition, boolean createdMountPoint) {
    this.definition = definition;
    this.createdMountPoint = createdMountPoint;
  }

  synchronized void mounted(StoreMount m, ProbedMount p, Instant at) {
    this.mount = m;
    this.probed = p;
    this.state = MountState.MOUNTED;
    this.reason = null;
    this.mountedAt = at;
  }

  synchronized void failed(String why) {
    this.mount = null;
    this.state = MountState.FAILED;
    this.reason = why;
    this.lastError = why;
  }

  synchronized void mounting() {
    this.state = MountState.MOUNTING;
  }

  synchronized StoreMount unmounting() {
    this.state = MountState.UNMOUNTING;
    stopProbe();
    StoreMount m = mount;
    mount = null;
    return m;
  }

  private void stopProbe() {
    if (probed != null) {
      probed.close();
      probed = null;
    }
  }

  synchronized ProbedMount probed() {
    return probed;
  }

  /** The reconciler took the mount down to mount it again. */
  synchronized StoreMount restarting(String why) {
    this.restarts++;
    this.lastError = why;
    this.state = MountState.MOUNTING;
    stopProbe();
    StoreMount m = mount;
    mount = null;
    return m;
  }

  synchronized StoreMount mount() {
    return mount;
  }

  synchronized MountState state() {
    return state;
  }

  synchronized MountView view() {
    MountDefinition d = definition;
    return new MountView(d.name(), Stores.redact(URI.create(d.source())), d.mountPoint(),
        d.readOnly(), d.options(), state, reason, d.createdAt(), mountedAt, restarts, lastError);
  }
}
