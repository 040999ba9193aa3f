package dev.transfuse.fuse.kernel;

/** File type bits of {@code st_mode} and the matching dirent types. */
public final class FileMode {
  public static final int S_IFMT = 0170000;
  public static final int S_IFDIR = 0040000;
  public static final int S_IFREG = 0100000;
  public static final int S_IFLNK = 0120000;

  private FileMode() {}

  /** The {@code d_type} of a dirent for a mode: the type bits shifted down by 12. */
  public static int direntType(int mode) {
    return (mode & S_IFMT) >>> 12;
  }

  public static boolean isDirectory(int mode) {
    return (mode & S_IFMT) == S_IFDIR;
  }
}
