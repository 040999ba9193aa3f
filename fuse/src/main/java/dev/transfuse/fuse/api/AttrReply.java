package dev.transfuse.fuse.api;

/** Attributes and how long the kernel may serve them from its cache ({@code fuse_attr_out}). */
public record AttrReply(Attr attr, long timeoutNanos) {
  public AttrReply {
    if (attr == null) {
      throw new IllegalArgumentException("attr is required");
    }
    if (timeoutNanos < 0) {
      throw new IllegalArgumentException("timeout must be >= 0");
    }
  }
}
