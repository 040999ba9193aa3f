package dev.transfuse.fuse.mount;

import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * The few libc calls the JDK lacks for FUSE: raw read/write on /dev/fuse (no interrupt-closes-
 * channel semantics, errno preserved), ioctl for clone and passthrough, mount and umount2.
 * Buffers are passed as {@link Pointer}s wrapping direct memory, so no copy is made.
 */
public interface LibC {
  int O_RDWR = 02;
  int O_CLOEXEC = 02000000;
  long MS_NOSUID = 2;
  long MS_NODEV = 4;
  int MNT_DETACH = 2;

  int open(String path, int flags);

  int close(int fd);

  @ssize_t
  long read(int fd, Pointer buf, @size_t long count);

  @ssize_t
  long write(int fd, Pointer buf, @size_t long count);

  int ioctl(int fd, @u_int64_t long request, Pointer arg);

  int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

  int umount2(String target, int flags);

  String strerror(int errnum);
}
