package dev.transfuse.fuse.api;

/** Filesystem totals ({@code fuse_kstatfs}), in blocks of {@code blockSize} bytes. */
public record StatFs(
    long blocks, long blocksFree, long blocksAvailable, long files, long filesFree,
    int blockSize, int maxNameLength) {

  /** What a filesystem that knows no totals reports. */
  public static final StatFs UNKNOWN = new StatFs(0, 0, 0, 0, 0, 4096, 255);
}
