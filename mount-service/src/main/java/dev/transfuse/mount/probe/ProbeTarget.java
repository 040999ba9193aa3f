package dev.transfuse.mount.probe;

import dev.transfuse.fuse.server.FuseSession;
import java.nio.file.Path;

/**
 * A FUSE mount as the probe sees it: the kernel's dev_t, which the {@code fuse:*} tracepoints
 * carry as {@code connection} and {@code statx} reports as major/minor, and the user-space
 * st_dev that {@code struct stat} reports. The mountpoint is for messages only.
 */
public record ProbeTarget(Path mountpoint, long connectionId, long deviceNumber) {

  public static ProbeTarget of(FuseSession session) {
    return new ProbeTarget(session.mountpoint(), session.connectionId(), session.deviceNumber());
  }
}
