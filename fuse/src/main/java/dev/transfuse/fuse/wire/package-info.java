/**
 * Bytes on /dev/fuse: reading request headers and arguments out of a reused buffer and writing
 * replies (entries, attributes, open results, dirents) into one. No I/O, no dispatch.
 */
package dev.transfuse.fuse.wire;
