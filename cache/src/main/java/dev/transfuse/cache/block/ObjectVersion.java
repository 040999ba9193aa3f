package dev.transfuse.cache.block;

import dev.transfuse.translators.store.FileAttributes;
import java.util.Objects;

/**
 * One version of one object: the identity under which its blocks are cached. Where the store
 * gives no change token, modification time and size stand in for it.
 */
public record ObjectVersion(String path, String token, long size) {
  public ObjectVersion {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(token, "token");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }

  public static ObjectVersion of(String path, FileAttributes attrs) {
    String token =
        attrs.changeToken().isEmpty()
            ? "mtime:" + attrs.modified() + ":" + attrs.size()
            : attrs.changeToken();
    return new ObjectVersion(path, token, attrs.size());
  }

  /** Number of blocks of {@code blockSize} the object spans. */
  public long blockCount(int blockSize) {
    return (size + blockSize - 1) / blockSize;
  }

  /** Length of block {@code index}: {@code blockSize}, or less for the last one. */
  public int blockLength(long index, int blockSize) {
    return (int) Math.min(blockSize, size - index * blockSize);
  }
}
