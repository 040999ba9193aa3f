package dev.transfuse.fuse.mount;

import java.io.IOException;
import java.nio.file.Path;

/** A mount or unmount that failed, naming the mountpoint and the reason. */
public class MountException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path mountpoint;

  public MountException(Path mountpoint, String reason) {
    super(mountpoint + ": " + reason);
    this.mountpoint = mountpoint;
  }

  public MountException(Path mountpoint, String reason, Throwable cause) {
    super(mountpoint + ": " + reason, cause);
    this.mountpoint = mountpoint;
  }

  public Path mountpoint() {
    return mountpoint;
  }
}
