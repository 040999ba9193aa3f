package dev.transfuse.fuse.api;

/**
 * The answer to a name lookup ({@code fuse_entry_out}): which node a name refers to, and how long
 * the kernel may trust the name ({@code entryTimeoutNanos}) and the attributes
 * ({@code attrTimeoutNanos}) without asking again.
 *
 * <p>A reply that names a node (node id not 0) adds one to that node's lookup count in the
 * kernel; the filesystem must count it too and drop it on {@link Filesystem#forget}.
 */
public record Entry(
    long nodeId, long generation, Attr attr, long entryTimeoutNanos, long attrTimeoutNanos) {

  public Entry {
    if (nodeId != 0 && attr == null) {
      throw new IllegalArgumentException("a positive entry needs attributes");
    }
    if (entryTimeoutNanos < 0 || attrTimeoutNanos < 0) {
      throw new IllegalArgumentException("timeouts must be >= 0");
    }
  }

  public static Entry of(long nodeId, Attr attr, long timeoutNanos) {
    return new Entry(nodeId, 0, attr, timeoutNanos, timeoutNanos);
  }

  /**
   * "No such name", cached by the kernel for {@code timeoutNanos} (node id 0 with a timeout is
   * the protocol's negative entry; throwing ENOENT instead caches nothing).
   */
  public static Entry negative(long timeoutNanos) {
    return new Entry(0, 0, null, timeoutNanos, 0);
  }

  public boolean isNegative() {
    return nodeId == 0;
  }
}
