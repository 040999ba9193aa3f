package dev.transfuse.fuse.kernel;

/**
 * Capability bits exchanged in INIT ({@code fuse_init_in.flags | flags2 << 32}). Bits 32 and up
 * travel in {@code flags2}, which the kernel reads only when {@link #INIT_EXT} is set in the
 * reply. Values from {@code fuse_kernel.h} 7.45; the installed header (7.38) lacks the newest.
 */
public final class InitFlags {
  public static final long ASYNC_READ = 1L << 0;
  public static final long POSIX_LOCKS = 1L << 1;
  public static final long ATOMIC_O_TRUNC = 1L << 3;
  public static final long EXPORT_SUPPORT = 1L << 4;
  public static final long BIG_WRITES = 1L << 5;
  public static final long DONT_MASK = 1L << 6;
  public static final long FLOCK_LOCKS = 1L << 10;
  public static final long AUTO_INVAL_DATA = 1L << 12;
  public static final long DO_READDIRPLUS = 1L << 13;
  public static final long READDIRPLUS_AUTO = 1L << 14;
  public static final long ASYNC_DIO = 1L << 15;
  public static final long WRITEBACK_CACHE = 1L << 16;
  /** Kernel capability: ENOSYS to OPEN means "no open needed, keep the page cache". */
  public static final long NO_OPEN_SUPPORT = 1L << 17;
  public static final long PARALLEL_DIROPS = 1L << 18;
  public static final long ABORT_ERROR = 1L << 21;
  public static final long MAX_PAGES = 1L << 22;
  public static final long CACHE_SYMLINKS = 1L << 23;
  /** Kernel capability: ENOSYS to OPENDIR means every later opendir is local and cached. */
  public static final long NO_OPENDIR_SUPPORT = 1L << 24;
  public static final long EXPLICIT_INVAL_DATA = 1L << 25;
  public static final long INIT_EXT = 1L << 30;
  /** Kernel capability (7.38): INVAL_ENTRY may carry {@link NotifyCode#EXPIRE_ONLY}. */
  public static final long HAS_EXPIRE_ONLY = 1L << 35;
  /** 7.40: reads and writes of an open file may go straight to a backing file. */
  public static final long PASSTHROUGH = 1L << 37;

  private InitFlags() {}

  /** The names of the set bits, for logs. */
  public static String describe(long flags) {
    StringBuilder sb = new StringBuilder();
    for (java.lang.reflect.Field f : InitFlags.class.getFields()) {
      try {
        long bit = f.getLong(null);
        if ((flags & bit) != 0) {
          sb.append(sb.length() == 0 ? "" : "|").append(f.getName());
        }
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return sb.toString();
  }
}
