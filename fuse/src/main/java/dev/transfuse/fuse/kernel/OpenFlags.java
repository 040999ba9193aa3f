package dev.transfuse.fuse.kernel;

/** {@code fuse_open_out.open_flags}: how the kernel treats an open file or directory. */
public final class OpenFlags {
  /** Bypass the page cache for this open file. */
  public static final int DIRECT_IO = 1 << 0;
  /** Do not drop the page cache on open: the content has not changed. */
  public static final int KEEP_CACHE = 1 << 1;
  public static final int NONSEEKABLE = 1 << 2;
  /**
   * Keep readdir results in the directory's page cache. Only effective together with {@link
   * #KEEP_CACHE}: without it the kernel empties the cache on every opendir.
   */
  public static final int CACHE_DIR = 1 << 3;
  public static final int STREAM = 1 << 4;
  public static final int NOFLUSH = 1 << 5;
  public static final int PARALLEL_DIRECT_WRITES = 1 << 6;
  /** 7.40: reads and writes go to the backing file named by {@code backing_id}. */
  public static final int PASSTHROUGH = 1 << 7;

  private OpenFlags() {}
}
