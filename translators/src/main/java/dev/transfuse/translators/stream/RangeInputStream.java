package dev.transfuse.translators.stream;

import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The stream every {@code Store.read} returns: it stops after the requested length even if the
 * transport would go on, turns transport failures into {@link StoreException}s that name the store
 * and path, and, when closed before the end, aborts the transfer instead of draining it (an
 * HTTP/S3 close that drains would download the rest of a 512 MiB object to reuse one connection).
 */
public final class RangeInputStream extends InputStream {

  /** What to do with the transport when the caller stops early. */
  @FunctionalInterface
  public interface Abort {
    void abort() throws IOException;
  }

  private final InputStream in;
  private final String where;
  private final Abort abort;
  private long remaining;
  private long position;
  private boolean closed;

  /**
   * @param in the transport stream, positioned at {@code offset}
   * @param where "store path" for messages, without credentials
   * @param offset where {@code in} starts in the file, for messages
   * @param length bytes to deliver at most
   * @param abort called instead of {@code in.close()} when fewer than {@code length} bytes were
   *     read and {@code in} has not reached its end
   */
  public RangeInputStream(InputStream in, String where, long offset, long length, Abort abort) {
    this.in = in;
    this.where = where;
    this.abort = abort;
    this.remaining = length;
    this.position = offset;
  }

  /** An empty stream: reads at or past end of file. */
  public static InputStream empty() {
    return InputStream.nullInputStream();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new StoreException(StoreException.Kind.IO, where + ": stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (remaining <= 0) {
      return -1;
    }
    int n;
    try {
      n = in.read(b, off, (int) Math.min(len, remaining));
    } catch (StoreException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          StoreException.Kind.IO,
          where + ": read failed at offset " + position + ": " + e.getMessage(),
          e);
    }
    if (n < 0) {
      remaining = 0;
      return -1;
    }
    remaining -= n;
    position += n;
    return n;
  }

  @Override
  public int available() throws IOException {
    return closed ? 0 : (int) Math.min(remaining, Math.max(0, in.available()));
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (remaining > 0) {
        abort.abort();
      } else {
        in.close();
      }
    } catch (IOException | RuntimeException e) {
      // Closing a half-read transport fails often (reset connection); the caller is done with it.
    }
  }
}
