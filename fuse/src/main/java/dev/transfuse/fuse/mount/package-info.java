/**
 * Getting a FUSE connection onto a directory and off it again: /dev/fuse, mount(2) and
 * umount2, the fusermount3 fd hand-off, mountpoint checks (busy, missing, stale), and the few
 * libc bindings (jnr-ffi) the JDK lacks. Knows nothing of requests or filesystems.
 */
package dev.transfuse.fuse.mount;
