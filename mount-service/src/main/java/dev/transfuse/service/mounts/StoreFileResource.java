package dev.transfuse.service.mounts;

import dev.transfuse.cache.CachedStore;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.springframework.core.io.AbstractResource;

/**
 * A file of a mounted store as a Spring {@code Resource}, read through the mount's cache. Spring
 * MVC serves Range requests of a Resource by skipping and reading, so {@link InputStream#skip}
 * here moves the offset without reading, and only the asked range is fetched.
 */
final class StoreFileResource extends AbstractResource {
  private static final int CHUNK = 1 << 20;

  private final CachedStore cache;
  private final String path;
  private final long size;
  private final String filename;

  StoreFileResource(CachedStore cache, String path, long size) {
    this.cache = cache;
    this.path = path;
    this.size = size;
    this.filename = path.substring(path.lastIndexOf('/') + 1);
  }

  @Override
  public String getDescription() {
    return "store file " + path;
  }

  @Override
  public String getFilename() {
    return filename;
  }

  @Override
  public long contentLength() {
    return size;
  }

  @Override
  public boolean exists() {
    return true;
  }

  @Override
  public InputStream getInputStream() {
    return new InputStream() {
      private long offset;
      private final ByteBuffer buf = ByteBuffer.allocate(CHUNK).limit(0);

      @Override
      public int read() throws IOException {
        if (!fill()) {
          return -1;
        }
        return buf.get() & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int n = Math.min(len, buf.remaining());
        buf.get(b, off, n);
        return n;
      }

      @Override
      public long skip(long n) {
        long fromBuffer = Math.min(n, buf.remaining());
        buf.position(buf.position() + (int) fromBuffer);
        long rest = Math.min(n - fromBuffer, Math.max(0, size - offset));
        offset += rest;
        return fromBuffer + rest;
      }

      private boolean fill() throws IOException {
        if (buf.hasRemaining()) {
          return true;
        }
        if (offset >= size) {
          return false;
        }
        buf.clear();
        try {
          int n = cache.read(path, offset, buf);
          if (n <= 0) {
            buf.limit(0);
            return false;
          }
          offset += n;
          buf.flip();
          return true;
        } catch (StoreException e) {
          throw new IOException(e.getMessage(), e);
        }
      }
    };
  }
}
