package dev.transfuse.mount.fs;

import java.time.Duration;
import java.util.Objects;

/**
 * How a store is shown through FUSE.
 *
 * @param uid owner of every file and directory
 * @param gid group of every file and directory
 * @param fileMode permission bits of files (write bits dropped when read-only)
 * @param dirMode permission bits of directories
 * @param readOnly refuse every change with EROFS
 * @param kernelTtl how long the kernel may serve entries, attributes and negative lookups
 *     without asking; changes made elsewhere reach it by revalidation or explicit invalidation
 */
public record BridgeOptions(
    int uid, int gid, int fileMode, int dirMode, boolean readOnly, Duration kernelTtl) {

  public BridgeOptions {
    Objects.requireNonNull(kernelTtl, "kernelTtl");
    if ((fileMode & ~07777) != 0 || (dirMode & ~07777) != 0) {
      throw new IllegalArgumentException(String.format(
          "fileMode and dirMode are permission bits (0..07777), were %o and %o", fileMode, dirMode));
    }
    if (kernelTtl.isNegative()) {
      throw new IllegalArgumentException("kernelTtl must be >= 0, was " + kernelTtl);
    }
  }

  /** Owned by the mounting user, 0644/0755, writable, one minute of kernel caching. */
  public static BridgeOptions defaults(int uid, int gid) {
    return new BridgeOptions(uid, gid, 0644, 0755, false, Duration.ofMinutes(1));
  }

  public BridgeOptions withReadOnly(boolean ro) {
    return new BridgeOptions(uid, gid, fileMode, dirMode, ro, kernelTtl);
  }

  public BridgeOptions withKernelTtl(Duration ttl) {
    return new BridgeOptions(uid, gid, fileMode, dirMode, readOnly, ttl);
  }

  int effectiveFileMode() {
    return readOnly ? fileMode & ~0222 : fileMode;
  }

  int effectiveDirMode() {
    return readOnly ? dirMode & ~0222 : dirMode;
  }
}
