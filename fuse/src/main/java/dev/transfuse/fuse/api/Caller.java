package dev.transfuse.fuse.api;

/**
 * Who made the current request, and whether it has been interrupted. The object is reused for
 * the next request once a method returns: copy what you keep.
 */
public interface Caller {
  int uid();

  int gid();

  int pid();

  /** The request's unique id. */
  long unique();

  /**
   * Whether the kernel has asked to interrupt this request (the calling process got a signal). A
   * long operation may then give up with EINTR.
   */
  boolean interrupted();
}
