package dev.transfuse.mount.fs;

import dev.transfuse.cache.ReadHandle;
import dev.transfuse.cache.WriteHandle;

/**
 * One open file: how it reads (and writes), and the passthrough backing id it holds (0: none).
 * Exactly one of {@code reader}, {@code writer} is set, or neither for a passthrough open.
 */
record OpenFile(Inode node, ReadHandle reader, WriteHandle writer, int backingId) {
  boolean writable() {
    return writer != null;
  }
}
