package dev.transfuse.fuse.server;

import dev.transfuse.fuse.api.ConnectionInfo;
import dev.transfuse.fuse.api.KernelControl;
import dev.transfuse.fuse.kernel.Errno;
import dev.transfuse.fuse.kernel.NotifyCode;
import dev.transfuse.fuse.kernel.Sizes;
import dev.transfuse.fuse.mount.FuseDevice;
import dev.transfuse.fuse.mount.LibC;
import dev.transfuse.fuse.mount.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Notifications and backing files over the session's own /dev/fuse fd. Each notification is one
 * write(2) of a whole message, so concurrent callers need no lock.
 */
final class KernelNotifier implements KernelControl {
  private final FuseDevice device;
  private final ConnectionInfo connection;
  private volatile boolean closed;

  KernelNotifier(FuseDevice device, ConnectionInfo connection) {
    this.device = device;
    this.connection = connection;
  }

  void close() {
    closed = true;
  }

  @Override
  public boolean invalidateInode(long nodeId, long offset, long length) throws IOException {
    ByteBuffer b = message(NotifyCode.INVAL_INODE, Sizes.NOTIFY_INVAL_INODE);
    b.putLong(nodeId).putLong(offset).putLong(length);
    return send(b, "INVAL_INODE " + nodeId);
  }

  @Override
  public boolean invalidateEntry(long parentId, String name) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = message(NotifyCode.INVAL_ENTRY, Sizes.NOTIFY_INVAL_ENTRY + n.length + 1);
    b.putLong(parentId).putInt(n.length).putInt(0).put(n).put((byte) 0);
    return send(b, "INVAL_ENTRY " + parentId + "/" + name);
  }

  @Override
  public boolean deleteEntry(long parentId, long childId, String name) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = message(NotifyCode.DELETE, 24 + n.length + 1);
    b.putLong(parentId).putLong(childId).putInt(n.length).putInt(0).put(n).put((byte) 0);
    return send(b, "DELETE " + parentId + "/" + name);
  }

  @Override
  public boolean passthroughAvailable() {
    return connection.passthrough();
  }

  @Override
  public int openBacking(Path file, boolean writable) throws IOException {
    if (!passthroughAvailable()) {
      throw new IOException("passthrough is not available on this connection");
    }
    int flags = (writable ? LibC.O_RDWR : 0) | LibC.O_CLOEXEC;
    int fd = Native.LIBC.open(file.toString(), flags);
    if (fd < 0) {
      throw new IOException("cannot open backing file " + file + ": "
          + Native.describe(Native.errno()));
    }
    try {
      return device.openBacking(fd);
    } finally {
      Native.LIBC.close(fd); // the kernel holds its own reference from here on
    }
  }

  @Override
  public void closeBacking(int backingId) throws IOException {
    device.closeBacking(backingId);
  }

  private static ByteBuffer message(int code, int bodyLength) {
    int total = Sizes.OUT_HEADER + bodyLength;
    ByteBuffer b = ByteBuffer.allocateDirect(total).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(total).putInt(code).putLong(0); // unique 0 marks a notification
    return b;
  }

  private boolean send(ByteBuffer b, String what) throws IOException {
    if (closed) {
      return false;
    }
    b.flip();
    int rc = device.write(b);
    if (rc == 0) {
      return true;
    }
    if (rc == -Errno.ENOENT) {
      return false; // the kernel had nothing cached for it
    }
    if (rc == -Errno.ENODEV || rc == -Errno.EBADF) {
      return false; // unmounted meanwhile
    }
    throw new IOException(what + " notification failed: " + Native.describe(-rc));
  }
}
