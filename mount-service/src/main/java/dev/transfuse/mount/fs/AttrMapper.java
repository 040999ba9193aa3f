package dev.transfuse.mount.fs;

import dev.transfuse.fuse.api.Attr;
import dev.transfuse.fuse.kernel.FileMode;
import dev.transfuse.translators.store.FileAttributes;
import java.time.Instant;

/** Turns what a store says about a path into the attributes the kernel caches. */
final class AttrMapper {
  private final BridgeOptions options;

  AttrMapper(BridgeOptions options) {
    this.options = options;
  }

  Attr toAttr(String path, FileAttributes a) {
    // Symbolic links are shown as what they point to: the stores resolve them when reading.
    int mode = a.isDirectory()
        ? FileMode.S_IFDIR | options.effectiveDirMode()
        : FileMode.S_IFREG | options.effectiveFileMode();
    long t = nanos(a.modified());
    return new Attr(InodeTable.inodeNumber(path), mode, a.isDirectory() ? 2 : 1,
        options.uid(), options.gid(), a.isDirectory() ? 0 : a.size(), t, t, t);
  }

  /** The root when a store cannot stat it (an S3 bucket has no object for its root). */
  Attr rootAttr() {
    return toAttr("/", FileAttributes.directory(Instant.EPOCH));
  }

  int typeMode(FileAttributes a) {
    return a.isDirectory() ? FileMode.S_IFDIR : FileMode.S_IFREG;
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
