/**
 * The user-facing side of the FUSE library: the inode-based {@link
 * dev.transfuse.fuse.api.Filesystem} to implement, the reply values that carry cache control,
 * and {@link dev.transfuse.fuse.api.KernelControl} for notifications and passthrough. No wire
 * formats here.
 */
package dev.transfuse.fuse.api;
