package dev.transfuse.fuse.wire;

import dev.transfuse.fuse.api.DirectoryFiller;
import dev.transfuse.fuse.api.DirectoryPlusFiller;
import dev.transfuse.fuse.api.Entry;
import dev.transfuse.fuse.kernel.FileMode;
import dev.transfuse.fuse.kernel.Sizes;
import java.nio.charset.StandardCharsets;

/**
 * Packs READDIR ({@code fuse_dirent}) or READDIRPLUS ({@code fuse_direntplus}) records into a
 * reply, each padded to 8 bytes, stopping before the kernel's size limit.
 */
public final class DirentWriter implements DirectoryFiller, DirectoryPlusFiller {
  private static final int MAX_NAME = 1024;

  private final ReplyBuffer reply;
  private int end;
  private int count;

  public DirentWriter(ReplyBuffer reply) {
    this.reply = reply;
  }

  /** Starts filling a reply whose payload may take at most {@code maxBytes}. */
  public DirentWriter start(int maxBytes) {
    this.end = Math.min(ReplyBuffer.BODY + maxBytes, reply.capacity());
    this.count = 0;
    return this;
  }

  public int count() {
    return count;
  }

  @Override
  public boolean add(long ino, String name, int mode, long nextOffset) {
    byte[] bytes = checkedName(name);
    int record = align8(Sizes.DIRENT + bytes.length);
    if (reply.position() + record > end) {
      return false;
    }
    dirent(ino, nextOffset, bytes, FileMode.direntType(mode), record);
    return true;
  }

  @Override
  public boolean add(Entry entry, String name, long nextOffset) {
    byte[] bytes = checkedName(name);
    int record = align8(Sizes.DIRENTPLUS + bytes.length);
    if (reply.position() + record > end) {
      return false;
    }
    reply.entry(entry);
    long ino = entry.attr() == null ? 0 : entry.attr().ino();
    int mode = entry.attr() == null ? 0 : entry.attr().mode();
    dirent(ino, nextOffset, bytes, FileMode.direntType(mode), record - Sizes.ENTRY_OUT);
    return true;
  }

  private void dirent(long ino, long nextOffset, byte[] name, int type, int record) {
    reply.u64(ino).u64(nextOffset).u32(name.length).u32(type);
    reply.bytes(name, 0, name.length);
    reply.zeros(record - Sizes.DIRENT - name.length);
    count++;
  }

  private static byte[] checkedName(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0 || bytes.length > MAX_NAME || name.indexOf('/') >= 0) {
      // The kernel answers a whole listing with EIO for one such name: refuse it here, loudly.
      throw new IllegalArgumentException("invalid directory entry name: '" + name + "'");
    }
    return bytes;
  }

  static int align8(int n) {
    return (n + 7) & ~7;
  }
}
