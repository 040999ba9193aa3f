package dev.transfuse.fuse.wire;

import dev.transfuse.fuse.api.Attr;
import dev.transfuse.fuse.api.Entry;
import dev.transfuse.fuse.api.Opened;
import dev.transfuse.fuse.kernel.Sizes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds one reply in a reused direct buffer: {@code fuse_out_header} then the reply struct(s),
 * written little-endian at increasing offsets, sent in a single write(2). Read payloads are
 * written straight into the buffer through {@link #payload} (no copy).
 */
public final class ReplyBuffer {
  /** Offset of the reply body, right after {@code fuse_out_header}. */
  public static final int BODY = Sizes.OUT_HEADER;
  private static final long NANOS = 1_000_000_000L;

  private final ByteBuffer buf;
  private final ByteBuffer payloadView;
  private long unique;
  private int pos;

  public ReplyBuffer(ByteBuffer direct) {
    this.buf = direct.order(ByteOrder.LITTLE_ENDIAN);
    this.payloadView = direct.duplicate();
  }

  public ByteBuffer buffer() {
    return buf;
  }

  public int capacity() {
    return buf.capacity();
  }

  /** Starts a reply to request {@code unique}. */
  public ReplyBuffer begin(long unique) {
    this.unique = unique;
    this.pos = BODY;
    return this;
  }

  public int position() {
    return pos;
  }

  public void position(int newPos) {
    this.pos = newPos;
  }

  public ReplyBuffer u32(int v) {
    buf.putInt(pos, v);
    pos += 4;
    return this;
  }

  public ReplyBuffer u16(int v) {
    buf.putShort(pos, (short) v);
    pos += 2;
    return this;
  }

  public ReplyBuffer u64(long v) {
    buf.putLong(pos, v);
    pos += 8;
    return this;
  }

  public ReplyBuffer zeros(int n) {
    for (int i = 0; i < n; i++) {
      buf.put(pos + i, (byte) 0);
    }
    pos += n;
    return this;
  }

  public ReplyBuffer bytes(byte[] b, int off, int len) {
    buf.put(pos, b, off, len);
    pos += len;
    return this;
  }

  /** {@code fuse_entry_out} (128 bytes). */
  public ReplyBuffer entry(Entry e) {
    u64(e.nodeId()).u64(e.generation());
    u64(e.entryTimeoutNanos() / NANOS).u64(e.attrTimeoutNanos() / NANOS);
    u32((int) (e.entryTimeoutNanos() % NANOS)).u32((int) (e.attrTimeoutNanos() % NANOS));
    if (e.attr() == null) {
      return zeros(Sizes.ATTR);
    }
    return attr(e.attr());
  }

  /** {@code fuse_attr_out} (104 bytes). */
  public ReplyBuffer attrOut(Attr a, long timeoutNanos) {
    u64(timeoutNanos / NANOS).u32((int) (timeoutNanos % NANOS)).u32(0);
    return attr(a);
  }

  /** {@code fuse_attr} (88 bytes). */
  public ReplyBuffer attr(Attr a) {
    u64(a.ino()).u64(a.size()).u64((a.size() + 511) / 512);
    u64(Math.floorDiv(a.atimeNanos(), NANOS))
        .u64(Math.floorDiv(a.mtimeNanos(), NANOS))
        .u64(Math.floorDiv(a.ctimeNanos(), NANOS));
    u32((int) Math.floorMod(a.atimeNanos(), NANOS))
        .u32((int) Math.floorMod(a.mtimeNanos(), NANOS))
        .u32((int) Math.floorMod(a.ctimeNanos(), NANOS));
    u32(a.mode()).u32(a.nlink()).u32(a.uid()).u32(a.gid());
    return u32(0).u32(4096).u32(0); // rdev, blksize, flags
  }

  /** {@code fuse_open_out} (16 bytes). */
  public ReplyBuffer open(Opened o) {
    return u64(o.fh()).u32(o.openFlags()).u32(o.backingId());
  }

  /**
   * A view for writing up to {@code max} payload bytes right after the header (READ data); call
   * {@link #position(int)} with {@code BODY + view.position()} afterwards.
   */
  public ByteBuffer payload(int max) {
    int limit = Math.min(BODY + max, buf.capacity());
    payloadView.limit(limit).position(BODY);
    return payloadView;
  }

  /** Writes the header for a successful reply; returns the total length to send. */
  public int finishOk() {
    return finish(0);
  }

  /** Writes a header-only error reply for {@code errno}; returns its length. */
  public int finishError(int errno) {
    pos = BODY;
    return finish(-errno);
  }

  private int finish(int error) {
    buf.putInt(0, pos);
    buf.putInt(4, error);
    buf.putLong(8, unique);
    return pos;
  }
}
