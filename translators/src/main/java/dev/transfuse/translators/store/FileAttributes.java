package dev.transfuse.translators.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store says about one path.
 *
 * @param type file, directory or symbolic link
 * @param size bytes for a file, 0 where a store has no size (directories)
 * @param modified last modification, or {@link Instant#EPOCH} where the store has none (S3
 *     prefixes)
 * @param changeToken opaque value that changes whenever the content changes (an ETag, or mtime
 *     and size), compared for revalidation; never null, may be empty when unknown
 * @param permissions POSIX permission bits where the store has them (SFTP, file), or -1
 */
public record FileAttributes(
    FileType type, long size, Instant modified, String changeToken, int permissions) {

  public FileAttributes {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(changeToken, "changeToken");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, was " + size);
    }
  }

  public static FileAttributes directory(Instant modified) {
    return new FileAttributes(FileType.DIRECTORY, 0, modified, "", -1);
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }
}
