package dev.transfuse.fuse.api;

import dev.transfuse.fuse.kernel.OpenFlags;

/**
 * The answer to OPEN, CREATE or OPENDIR ({@code fuse_open_out}).
 *
 * @param fh the file handle the kernel passes back on every call for this open file
 * @param openFlags {@link OpenFlags}: KEEP_CACHE to keep the page cache across opens,
 *     CACHE_DIR (always together with KEEP_CACHE) to keep readdir results, DIRECT_IO,
 *     PASSTHROUGH (with {@code backingId})
 * @param backingId the id from {@link KernelControl#openBacking} when passing through, else 0
 */
public record Opened(long fh, int openFlags, int backingId) {

  public Opened {
    if (((openFlags & OpenFlags.PASSTHROUGH) != 0) != (backingId > 0)) {
      throw new IllegalArgumentException("PASSTHROUGH and a backing id go together");
    }
    if ((openFlags & OpenFlags.CACHE_DIR) != 0) {
      // Without KEEP_CACHE the kernel empties the readdir cache on every opendir.
      openFlags |= OpenFlags.KEEP_CACHE;
    }
  }

  public static Opened of(long fh, int openFlags) {
    return new Opened(fh, openFlags, 0);
  }

  /** Reads and writes of this open file go straight to the registered backing file. */
  public static Opened passthrough(long fh, int backingId) {
    return new Opened(fh, OpenFlags.PASSTHROUGH, backingId);
  }
}
