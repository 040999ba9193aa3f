package dev.transfuse.fuse.mount;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a mountpoint before mounting, so that every refusal names the path and the reason, and
 * clears a mount left behind by a daemon that died ("Transport endpoint is not connected").
 */
final class MountpointCheck {
  private static final Logger log = LoggerFactory.getLogger(MountpointCheck.class);
  /** A live but hung daemon never answers stat; do not hang with it. */
  private static final long PROBE_TIMEOUT_MS = 2000;

  private MountpointCheck() {}

  static void prepare(Path target) throws MountException {
    Optional<MountTable.Entry> existing;
    try {
      existing = MountTable.at(target);
    } catch (IOException e) {
      throw new MountException(target, "cannot read /proc/self/mountinfo: " + e.getMessage(), e);
    }
    if (existing.isPresent()) {
      MountTable.Entry e = existing.get();
      if (!e.isFuse()) {
        throw new MountException(target, "busy: already a mount point (" + e.fsType() + " from "
            + e.source() + "); unmount it first");
      }
      if (!isStale(target)) {
        throw new MountException(target, "busy: a live FUSE filesystem is mounted there ("
            + e.fsType() + " from " + e.source() + ")");
      }
      log.warn("{}: stale FUSE mount of {} (its daemon is gone); unmounting it lazily",
          target, e.source());
      Mounter.unmount(target, true);
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new MountException(target, "mountpoint does not exist");
    } catch (IOException e) {
      throw new MountException(target, "cannot inspect mountpoint: " + e.getMessage(), e);
    }
    if (!attrs.isDirectory()) {
      throw new MountException(target, "mountpoint is not a directory");
    }
  }

  /** A FUSE mount whose connection is gone answers ENOTCONN at once; a hung one, never. */
  private static boolean isStale(Path target) throws MountException {
    FutureTask<Boolean> probe = new FutureTask<>(() -> {
      try {
        Files.readAttributes(target, BasicFileAttributes.class);
        return false;
      } catch (FileSystemException e) {
        String reason = String.valueOf(e.getReason()) + e.getMessage();
        return reason.contains("not connected");
      } catch (IOException e) {
        return false;
      }
    });
    Thread prober = new Thread(probe, "transfuse-mountpoint-probe");
    prober.setDaemon(true); // left behind only if the old daemon hangs for good
    prober.start();
    try {
      return probe.get(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MountException(target, "busy: a FUSE filesystem is mounted there and does not"
          + " answer (hung daemon?); unmount it with 'umount -l " + target + "'");
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MountException(target, "interrupted while probing the mountpoint", e);
    }
  }
}
