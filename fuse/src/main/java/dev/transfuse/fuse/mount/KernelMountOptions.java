package dev.transfuse.fuse.mount;

import java.util.Objects;

/**
 * Options of the mount itself, as the kernel (or fusermount3) takes them.
 *
 * @param fsName shown as the mount's source in /proc/mounts and df
 * @param subtype the filesystem type is {@code fuse.<subtype>}
 * @param allowOther let users other than the mounting one use the mount
 * @param defaultPermissions let the kernel check permissions from the reported modes
 * @param readOnly mount read-only (MS_RDONLY)
 * @param method how to mount: directly with mount(2) (root), through fusermount3, or whichever
 *     this process may
 */
public record KernelMountOptions(
    String fsName,
    String subtype,
    boolean allowOther,
    boolean defaultPermissions,
    boolean readOnly,
    Method method) {

  /** How the mount is made. */
  public enum Method {
    /** mount(2) when root, fusermount3 otherwise. */
    AUTO,
    /** mount(2): needs CAP_SYS_ADMIN. */
    DIRECT,
    /** the setuid fusermount3 helper, which hands back the fd over a socket. */
    FUSERMOUNT
  }

  public KernelMountOptions {
    Objects.requireNonNull(fsName, "fsName");
    Objects.requireNonNull(subtype, "subtype");
    Objects.requireNonNull(method, "method");
    for (String v : new String[] {fsName, subtype}) {
      if (v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf(' ') >= 0 || v.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            "mount names may not be empty or contain ',', ' ' or '\\\\': '" + v + "'");
      }
    }
  }

  public static KernelMountOptions defaults(String fsName) {
    return new KernelMountOptions(fsName, "transfuse", false, true, false, Method.AUTO);
  }

  public KernelMountOptions withMethod(Method m) {
    return new KernelMountOptions(fsName, subtype, allowOther, defaultPermissions, readOnly, m);
  }

  public KernelMountOptions withAllowOther(boolean allow) {
    return new KernelMountOptions(fsName, subtype, allow, defaultPermissions, readOnly, method);
  }

  public KernelMountOptions withReadOnly(boolean ro) {
    return new KernelMountOptions(fsName, subtype, allowOther, defaultPermissions, ro, method);
  }
}
