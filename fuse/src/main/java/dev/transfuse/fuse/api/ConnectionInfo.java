package dev.transfuse.fuse.api;

import dev.transfuse.fuse.kernel.InitFlags;

/**
 * What was agreed in INIT.
 *
 * @param minor the protocol minor version in use (major is always 7)
 * @param kernelMinor the minor version the kernel offered
 * @param kernelFlags the capabilities the kernel offered ({@link InitFlags})
 * @param flags the capabilities in force (offered and asked for)
 * @param maxWrite the largest WRITE payload, and the largest READ the kernel asks for
 */
public record ConnectionInfo(int minor, int kernelMinor, long kernelFlags, long flags,
    int maxWrite, int maxReadahead) {

  public boolean has(long flag) {
    return (flags & flag) == flag;
  }

  public boolean kernelOffers(long flag) {
    return (kernelFlags & flag) == flag;
  }

  /** Whether OPEN replies may carry a passthrough backing id on this connection. */
  public boolean passthrough() {
    return has(InitFlags.PASSTHROUGH);
  }
}
