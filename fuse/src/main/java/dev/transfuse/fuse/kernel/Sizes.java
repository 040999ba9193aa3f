package dev.transfuse.fuse.kernel;

/**
 * Byte sizes of the kernel structs on x86-64 and arm64 (checked by a golden-size test against
 * the values compiled from {@code fuse_kernel.h}).
 */
public final class Sizes {
  public static final int IN_HEADER = 40;
  public static final int OUT_HEADER = 16;
  public static final int ATTR = 88;
  public static final int ENTRY_OUT = 128;
  public static final int ATTR_OUT = 104;
  public static final int OPEN_OUT = 16;
  public static final int INIT_IN = 64;
  public static final int INIT_OUT = 64;
  public static final int DIRENT = 24;
  public static final int DIRENTPLUS = ENTRY_OUT + DIRENT;
  public static final int KSTATFS = 80;
  public static final int WRITE_IN = 40;
  public static final int READ_IN = 40;
  public static final int FORGET_ONE = 16;
  public static final int NOTIFY_INVAL_INODE = 24;
  public static final int NOTIFY_INVAL_ENTRY = 16;
  public static final int BACKING_MAP = 16;
  /** The kernel refuses reads into a smaller buffer (EINVAL), whatever max_write is. */
  public static final int MIN_READ_BUFFER = 8192;

  private Sizes() {}
}
