package dev.transfuse.fuse.api;

/**
 * A SETATTR request ({@code fuse_setattr_in}): only the fields whose bit is set in {@code valid}
 * are to change. Times are nanoseconds since the epoch.
 */
public record SetAttr(
    int valid, long fh, long size, long atimeNanos, long mtimeNanos, int mode, int uid, int gid) {
  public static final int MODE = 1 << 0;
  public static final int UID = 1 << 1;
  public static final int GID = 1 << 2;
  public static final int SIZE = 1 << 3;
  public static final int ATIME = 1 << 4;
  public static final int MTIME = 1 << 5;
  public static final int FH = 1 << 6;
  public static final int ATIME_NOW = 1 << 7;
  public static final int MTIME_NOW = 1 << 8;
  public static final int CTIME = 1 << 10;

  public boolean has(int field) {
    return (valid & field) != 0;
  }
}
