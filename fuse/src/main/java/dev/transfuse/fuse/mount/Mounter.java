package dev.transfuse.fuse.mount;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and removes FUSE mounts without libfuse: mount(2) with {@code fd=N,rootmode=...} when
 * the process may (root), else the setuid {@code fusermount3} helper, which mounts and sends the
 * connected /dev/fuse fd back over a socket ({@link FusermountHandoff}).
 *
 * <p>Before mounting, the mountpoint is checked ({@link MountpointCheck}): a missing path, a
 * file, or a live mount there is refused with the reason; a mount left stale by a dead daemon is
 * lazily unmounted first.
 */
public final class Mounter {
  private static final Logger log = LoggerFactory.getLogger(Mounter.class);
  private static final POSIX POSIX = POSIXFactory.getNativePOSIX();

  private Mounter() {}

  /** Whether this process makes mounts with mount(2) (rather than fusermount3). */
  public static boolean directMountAllowed() {
    return POSIX.geteuid() == 0;
  }

  /**
   * Mounts a new FUSE connection on {@code mountpoint}. The kernel sends INIT on the returned
   * device; the mount answers nothing until INIT is answered.
   */
  public static FuseDevice mount(Path mountpoint, KernelMountOptions options)
      throws MountException {
    Path target = mountpoint.toAbsolutePath().normalize();
    MountpointCheck.prepare(target);
    boolean direct = switch (options.method()) {
      case DIRECT -> true;
      case FUSERMOUNT -> false;
      case AUTO -> directMountAllowed();
    };
    return direct ? mountDirect(target, options) : FusermountHandoff.mount(target, options);
  }

  private static FuseDevice mountDirect(Path target, KernelMountOptions options)
      throws MountException {
    FuseDevice device;
    try {
      device = FuseDevice.open();
    } catch (IOException e) {
      throw new MountException(target, e.getMessage(), e);
    }
    StringBuilder data = new StringBuilder()
        .append("fd=").append(device.fd())
        .append(",rootmode=40000")
        .append(",user_id=").append(POSIX.geteuid())
        .append(",group_id=").append(POSIX.getegid());
    if (options.allowOther()) {
      data.append(",allow_other");
    }
    if (options.defaultPermissions()) {
      data.append(",default_permissions");
    }
    long flags = LibC.MS_NOSUID | LibC.MS_NODEV | (options.readOnly() ? 1 : 0);
    int rc = Native.LIBC.mount(options.fsName(), target.toString(),
        "fuse." + options.subtype(), flags, data.toString());
    if (rc != 0) {
      int errno = Native.errno();
      device.close();
      throw new MountException(target, "mount(2) failed: " + Native.describe(errno));
    }
    log.debug("mounted {} on {} with mount(2), fd {}", options.fsName(), target, device.fd());
    return device;
  }

  /**
   * Unmounts {@code mountpoint}. A lazy unmount detaches it at once even while files are open
   * (they keep working until closed); a plain one fails with EBUSY then.
   */
  public static void unmount(Path mountpoint, boolean lazy) throws MountException {
    Path target = mountpoint.toAbsolutePath().normalize();
    if (directMountAllowed()) {
      if (Native.LIBC.umount2(target.toString(), lazy ? LibC.MNT_DETACH : 0) != 0) {
        int errno = Native.errno();
        throw new MountException(target, "umount2 failed: " + Native.describe(errno)
            + (errno == 16 ? " (files are open on it)" : ""));
      }
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("fusermount3", "-u", "-q"));
    if (lazy) {
      cmd.add("-z");
    }
    cmd.add("--");
    cmd.add(target.toString());
    runTool(target, cmd);
  }

  static void runTool(Path target, List<String> cmd) throws MountException {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new MountException(target, cmd.get(0) + " did not finish in 30 s");
      }
      if (p.exitValue() != 0) {
        throw new MountException(target, String.join(" ", cmd) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new MountException(target, "cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MountException(target, "interrupted while running " + cmd.get(0), e);
    }
  }
}
