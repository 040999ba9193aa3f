package dev.transfuse.fuse.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jnr.posix.CmsgHdr;
import jnr.posix.MsgHdr;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import jnr.posix.SpawnFileAction;

/**
 * Mounting without privileges: {@code fusermount3} (setuid root) opens /dev/fuse, mounts it, and
 * sends the fd back as SCM_RIGHTS over the socket named by {@code _FUSE_COMMFD}. The JDK can
 * neither pass an arbitrary fd to a child nor read ancillary data, so the child is started with
 * posix_spawn (socket dup'ed to fd 3) and the message read with recvmsg, both through jnr-posix.
 */
final class FusermountHandoff {
  private static final POSIX POSIX = POSIXFactory.getNativePOSIX();
  private static final int AF_UNIX = 1;
  private static final int SOCK_STREAM = 1;
  private static final int SOL_SOCKET = 1;
  private static final int SCM_RIGHTS = 1;
  private static final int CHILD_FD = 3;

  private FusermountHandoff() {}

  static FuseDevice mount(Path target, KernelMountOptions options) throws MountException {
    int[] pair = new int[2];
    if (POSIX.socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) {
      throw new MountException(target, "socketpair failed: errno " + POSIX.errno());
    }
    Path errors = null;
    try {
      errors = Files.createTempFile("transfuse-fusermount", ".err");
      long pid = spawn(target, options, pair, errors);
      POSIX.close(pair[1]);
      pair[1] = -1;
      int fd = receiveFd(pair[0]);
      int[] status = new int[1];
      POSIX.waitpid(pid, status, 0);
      int exit = (status[0] >> 8) & 0xff;
      if (fd < 0 || exit != 0) {
        String why = Files.readString(errors).trim();
        throw new MountException(target, "fusermount3 failed (exit " + exit + ")"
            + (why.isEmpty() ? "" : ": " + why));
      }
      return FuseDevice.adopt(fd);
    } catch (IOException e) {
      if (e instanceof MountException me) {
        throw me;
      }
      throw new MountException(target, "fusermount3 hand-off failed: " + e.getMessage(), e);
    } finally {
      POSIX.close(pair[0]);
      if (pair[1] >= 0) {
        POSIX.close(pair[1]);
      }
      if (errors != null) {
        try {
          Files.deleteIfExists(errors);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private static long spawn(Path target, KernelMountOptions options, int[] pair, Path errors)
      throws MountException {
    List<String> opts = new ArrayList<>();
    opts.add("fsname=" + options.fsName());
    opts.add("subtype=" + options.subtype());
    opts.add("nosuid");
    opts.add("nodev");
    if (options.allowOther()) {
      opts.add("allow_other");
    }
    if (options.defaultPermissions()) {
      opts.add("default_permissions");
    }
    if (options.readOnly()) {
      opts.add("ro");
    }
    List<String> argv = List.of("fusermount3", "-o", String.join(",", opts), "--",
        target.toString());
    List<String> env = new ArrayList<>();
    for (Map.Entry<String, String> e : System.getenv().entrySet()) {
      env.add(e.getKey() + "=" + e.getValue());
    }
    env.add("_FUSE_COMMFD=" + CHILD_FD);
    List<SpawnFileAction> actions = List.of(
        SpawnFileAction.open(errors.toString(), 2, 01 | 01000, 0600), // stderr: O_WRONLY|O_TRUNC
        SpawnFileAction.dup(pair[1], CHILD_FD));
    long pid = POSIX.posix_spawnp("fusermount3", actions, argv, env);
    if (pid <= 0) {
      throw new MountException(target, "cannot start fusermount3 (is the fuse3 package"
          + " installed?): errno " + POSIX.errno());
    }
    return pid;
  }

  /** Reads the one fd fusermount3 sends; -1 when it closed the socket without one. */
  private static int receiveFd(int socket) {
    MsgHdr msg = POSIX.allocateMsgHdr();
    ByteBuffer data = ByteBuffer.allocateDirect(1);
    msg.setIov(new ByteBuffer[] {data});
    msg.allocateControl(4);
    int n;
    do {
      n = POSIX.recvmsg(socket, msg, 0);
    } while (n < 0 && POSIX.errno() == 4);
    if (n <= 0) {
      return -1;
    }
    for (CmsgHdr c : msg.getControls()) {
      if (c.getLevel() == SOL_SOCKET && c.getType() == SCM_RIGHTS) {
        return c.getData().order(ByteOrder.nativeOrder()).getInt(0);
      }
    }
    return -1;
  }

}
