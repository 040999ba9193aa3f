package dev.transfuse.fuse.api;

import dev.transfuse.fuse.kernel.FileMode;
import java.time.Instant;

/**
 * The attributes of an inode ({@code fuse_attr}). Times are nanoseconds since the epoch.
 *
 * @param ino inode number shown by stat; usually the node id
 * @param mode type and permission bits ({@link FileMode#S_IFDIR} | 0755 ...)
 */
public record Attr(
    long ino,
    int mode,
    int nlink,
    int uid,
    int gid,
    long size,
    long atimeNanos,
    long mtimeNanos,
    long ctimeNanos) {

  /** A regular file or directory with all three times set to {@code mtime}. */
  public static Attr of(long ino, int mode, long size, Instant mtime, int uid, int gid) {
    long t = mtime.getEpochSecond() * 1_000_000_000L + mtime.getNano();
    return new Attr(ino, mode, FileMode.isDirectory(mode) ? 2 : 1, uid, gid, size, t, t, t);
  }

  public boolean isDirectory() {
    return FileMode.isDirectory(mode);
  }

  public Attr withSize(long newSize) {
    return new Attr(ino, mode, nlink, uid, gid, newSize, atimeNanos, mtimeNanos, ctimeNanos);
  }

  public Attr withMode(int newMode) {
    return new Attr(ino, newMode, nlink, uid, gid, size, atimeNanos, mtimeNanos, ctimeNanos);
  }

  public Attr withTimes(long atime, long mtime, long ctime) {
    return new Attr(ino, mode, nlink, uid, gid, size, atime, mtime, ctime);
  }

  public Attr withOwner(int newUid, int newGid) {
    return new Attr(ino, mode, nlink, newUid, newGid, size, atimeNanos, mtimeNanos, ctimeNanos);
  }
}
