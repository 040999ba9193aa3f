package dev.transfuse.fuse.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * One open file descriptor on /dev/fuse: the session's own fd, or a clone of it made with
 * FUSE_DEV_IOC_CLONE so that each worker thread reads and answers requests on its own queue.
 * Reads and writes go straight to read(2)/write(2): one request per read, one reply per write.
 */
public final class FuseDevice implements AutoCloseable {
  /** {@code _IOR(229, 0, uint32_t)}: attach a fresh /dev/fuse fd to an existing connection. */
  static final long IOC_CLONE = 0x8004e500L;
  /** {@code _IOW(229, 1, struct fuse_backing_map)}: returns the backing id as the ioctl result. */
  static final long IOC_BACKING_OPEN = 0x4010e501L;
  /** {@code _IOW(229, 2, uint32_t)}. */
  static final long IOC_BACKING_CLOSE = 0x4004e502L;

  private final int fd;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FuseDevice(int fd) {
    this.fd = fd;
  }

  /** Opens /dev/fuse for a new connection. */
  public static FuseDevice open() throws IOException {
    int fd = Native.LIBC.open("/dev/fuse", LibC.O_RDWR | LibC.O_CLOEXEC);
    if (fd < 0) {
      int errno = Native.errno();
      throw new IOException("cannot open /dev/fuse: " + Native.describe(errno)
          + (errno == 2 ? "; is the fuse kernel module loaded?" : ""));
    }
    return new FuseDevice(fd);
  }

  /** Wraps an fd received from fusermount3. */
  public static FuseDevice adopt(int fd) {
    return new FuseDevice(fd);
  }

  /** A new fd on the same connection, with a request queue of its own. */
  public FuseDevice cloneDevice() throws IOException {
    FuseDevice clone = open();
    Pointer arg = Memory.allocateDirect(Native.runtime(), 4);
    arg.putInt(0, fd);
    if (Native.LIBC.ioctl(clone.fd, IOC_CLONE, arg) != 0) {
      int errno = Native.errno();
      clone.close();
      throw new IOException("FUSE_DEV_IOC_CLONE failed: " + Native.describe(errno));
    }
    return clone;
  }

  public int fd() {
    return fd;
  }

  /**
   * Reads one request into {@code buf} (from address 0). Returns the byte count, or the negated
   * errno: -ENOENT (request interrupted: read again), -EINTR/-EAGAIN (read again), -ENODEV
   * (unmounted or aborted: stop).
   */
  public long read(Pointer buf, long capacity) {
    long n = Native.LIBC.read(fd, buf, capacity);
    return n >= 0 ? n : -Native.errno();
  }

  /** Writes one whole reply or notification; returns 0 or the negated errno. */
  public int write(Pointer buf, long length) {
    long n = Native.LIBC.write(fd, buf, length);
    if (n < 0) {
      return -Native.errno();
    }
    return n == length ? 0 : -5;
  }

  /** Convenience for rare messages (notifications): writes a direct buffer's [0, limit). */
  public int write(ByteBuffer direct) {
    return write(Native.pointerTo(direct), direct.limit());
  }

  /**
   * Registers an open local file as a passthrough backing file (FUSE 7.40, CAP_SYS_ADMIN).
   *
   * @return the backing id, to put in an OPEN reply
   */
  public int openBacking(int backingFd) throws IOException {
    ByteBuffer map = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    map.putInt(0, backingFd); // flags and padding stay zero, or the kernel answers EINVAL
    int id = Native.LIBC.ioctl(fd, IOC_BACKING_OPEN, Native.pointerTo(map));
    if (id < 0) {
      throw new IOException("FUSE_DEV_IOC_BACKING_OPEN failed: " + Native.describe(Native.errno()));
    }
    return id;
  }

  /** Drops a backing id; files already open with it keep working until closed. */
  public void closeBacking(int backingId) throws IOException {
    Pointer arg = Memory.allocateDirect(Native.runtime(), 4);
    arg.putInt(0, backingId);
    if (Native.LIBC.ioctl(fd, IOC_BACKING_CLOSE, arg) != 0) {
      throw new IOException("FUSE_DEV_IOC_BACKING_CLOSE failed: " + Native.describe(Native.errno()));
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      Native.LIBC.close(fd);
    }
  }
}
