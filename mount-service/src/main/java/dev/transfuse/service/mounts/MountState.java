package dev.transfuse.service.mounts;

/** Where a mount is in its life. */
public enum MountState {
  /** Being mounted (at creation, at startup, after a restart). */
  MOUNTING,
  /** Mounted and answering. */
  MOUNTED,
  /** Could not be mounted, or died and could not be mounted again; {@code reason} says why. */
  FAILED,
  /** Being unmounted. */
  UNMOUNTING
}
