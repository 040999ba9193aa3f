package dev.transfuse.fuse.wire;

import dev.transfuse.fuse.kernel.Sizes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A cursor-free view of one request in a reused direct buffer: the {@code fuse_in_header} fields
 * and typed reads at offsets into the body (which starts at {@link #BODY}). Valid until the next
 * read into the same buffer.
 */
public final class RequestView {
  /** Offset of the request's arguments, right after {@code fuse_in_header}. */
  public static final int BODY = Sizes.IN_HEADER;

  private final ByteBuffer buf;
  private final byte[] scratch = new byte[4096];
  private int length;

  public RequestView(ByteBuffer direct) {
    this.buf = direct.order(ByteOrder.LITTLE_ENDIAN);
  }

  public ByteBuffer buffer() {
    return buf;
  }

  /** Marks how many bytes the last read delivered. */
  public void received(int bytes) {
    this.length = bytes;
  }

  public int length() {
    return length;
  }

  public int opcode() {
    return buf.getInt(4);
  }

  public long unique() {
    return buf.getLong(8);
  }

  public long nodeId() {
    return buf.getLong(16);
  }

  public int uid() {
    return buf.getInt(24);
  }

  public int gid() {
    return buf.getInt(28);
  }

  public int pid() {
    return buf.getInt(32);
  }

  public int u32(int bodyOffset) {
    return buf.getInt(BODY + bodyOffset);
  }

  public long u64(int bodyOffset) {
    return buf.getLong(BODY + bodyOffset);
  }

  /** The NUL-terminated string at {@code bodyOffset}, decoded as UTF-8. */
  public String name(int bodyOffset) {
    int start = BODY + bodyOffset;
    int end = nameEnd(bodyOffset);
    int n = end - start;
    byte[] bytes = n <= scratch.length ? scratch : new byte[n];
    buf.get(start, bytes, 0, n);
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /** Body offset just past the NUL of the string at {@code bodyOffset}. */
  public int afterName(int bodyOffset) {
    return nameEnd(bodyOffset) + 1 - BODY;
  }

  private int nameEnd(int bodyOffset) {
    int i = BODY + bodyOffset;
    while (i < length && buf.get(i) != 0) {
      i++;
    }
    return i;
  }

  /** A view of {@code size} payload bytes at {@code bodyOffset} (WRITE data). */
  public ByteBuffer slice(int bodyOffset, int size) {
    return buf.slice(BODY + bodyOffset, size).asReadOnlyBuffer();
  }
}
