/**
 * Numbers and layouts of the Linux FUSE kernel ABI ({@code fuse_kernel.h}): opcodes, capability
 * and open flags, notification codes, errno values and struct sizes. Data only; no I/O.
 */
package dev.transfuse.fuse.kernel;
