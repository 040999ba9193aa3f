package dev.transfuse.fuse.server;

import dev.transfuse.fuse.mount.KernelMountOptions;
import java.util.Objects;

/**
 * How a {@link FuseSession} mounts and what it negotiates with the kernel.
 *
 * @param workers threads reading requests, each on its own cloned /dev/fuse fd; a worker blocked
 *     in a slow filesystem call holds up only itself
 * @param maxWrite largest WRITE (and READ) payload; capped by the kernel's max_pages limit
 * @param writebackCache let the kernel cache writes and send them in large batches (the kernel
 *     then owns mtime and size; refuses passthrough on the same connection)
 * @param passthrough ask for FUSE passthrough when the kernel offers it and the process may
 * @param readdirPlus how READDIRPLUS is asked for
 * @param explicitInvalData drop cached pages only on notification, never because a GETATTR
 *     showed another mtime or size (the default drops them then)
 * @param mount the mount's own options
 */
public record SessionOptions(
    int workers,
    int maxWrite,
    boolean writebackCache,
    boolean passthrough,
    ReaddirPlus readdirPlus,
    boolean explicitInvalData,
    KernelMountOptions mount) {

  /** READDIRPLUS modes. */
  public enum ReaddirPlus {
    /** never: plain READDIR, then one LOOKUP per name the application touches */
    OFF,
    /** always READDIRPLUS */
    ALWAYS,
    /** the kernel decides: PLUS for the first batch and while lookups follow listings */
    AUTO
  }

  public static final int MIN_WRITE = 4096;
  public static final int DEFAULT_MAX_WRITE = 1 << 20;

  public SessionOptions {
    Objects.requireNonNull(readdirPlus, "readdirPlus");
    Objects.requireNonNull(mount, "mount");
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("workers must be 1..256, was " + workers);
    }
    if (maxWrite < MIN_WRITE || maxWrite > (16 << 20)) {
      throw new IllegalArgumentException("maxWrite must be 4 KiB..16 MiB, was " + maxWrite);
    }
  }

  public static SessionOptions defaults(String fsName) {
    return new SessionOptions(8, DEFAULT_MAX_WRITE, false, true, ReaddirPlus.AUTO, false,
        KernelMountOptions.defaults(fsName));
  }

  public SessionOptions withWorkers(int n) {
    return new SessionOptions(n, maxWrite, writebackCache, passthrough, readdirPlus,
        explicitInvalData, mount);
  }

  public SessionOptions withWritebackCache(boolean on) {
    return new SessionOptions(workers, maxWrite, on, passthrough, readdirPlus, explicitInvalData,
        mount);
  }

  public SessionOptions withPassthrough(boolean on) {
    return new SessionOptions(workers, maxWrite, writebackCache, on, readdirPlus,
        explicitInvalData, mount);
  }

  public SessionOptions withReaddirPlus(ReaddirPlus mode) {
    return new SessionOptions(workers, maxWrite, writebackCache, passthrough, mode,
        explicitInvalData, mount);
  }

  public SessionOptions withExplicitInvalData(boolean on) {
    return new SessionOptions(workers, maxWrite, writebackCache, passthrough, readdirPlus, on,
        mount);
  }

  public SessionOptions withMount(KernelMountOptions m) {
    return new SessionOptions(workers, maxWrite, writebackCache, passthrough, readdirPlus,
        explicitInvalData, m);
  }
}
