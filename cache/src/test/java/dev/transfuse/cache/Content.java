package dev.transfuse.cache;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Test data and digests. */
final class Content {
  private Content() {}

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads all of a handle in chunks of {@code chunk} bytes, as a sequential reader would. */
  static byte[] readAll(ReadHandle h, int chunk) throws Exception {
    long size = h.attributes().size();
    ByteBuffer all = ByteBuffer.allocate((int) size);
    long offset = 0;
    while (offset < size) {
      ByteBuffer buf = ByteBuffer.allocate(chunk);
      int n = h.read(offset, buf);
      if (n == 0) {
        break;
      }
      all.put(buf.array(), 0, n);
      offset += n;
    }
    return all.array();
  }
}
