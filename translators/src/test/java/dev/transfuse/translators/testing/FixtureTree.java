package dev.transfuse.translators.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;

/**
 * The tree every store's contract test reads, written straight into the server's backing storage
 * (a directory, or S3Proxy's blob store) so read-only stores can be tested too.
 */
public final class FixtureTree {
  public static final byte[] HELLO = "hello, world\n".getBytes(StandardCharsets.UTF_8);
  /** Odd size, so ranges end at awkward offsets. */
  public static final byte[] DATA = bytes(300_001, 42);
  public static final byte[] DEEP = "deep\n".getBytes(StandardCharsets.UTF_8);
  /** Names that break naive URL, key and index-page handling. */
  public static final List<String> ODD_NAMES =
      List.of("with space.txt", "ünïcödé-名前.txt", "100% sure.txt", "a+b=c&d.txt");
  public static final int LARGE_COUNT = 5_000;

  /** Where a fixture is written. */
  public interface Sink {
    void file(String path, byte[] content) throws IOException;

    /** An empty directory (S3: a marker object). */
    void dir(String path) throws IOException;
  }

  private FixtureTree() {}

  public static byte[] bytes(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Content of "/large/f%05d": sizes vary so listings must carry per-entry sizes. */
  public static byte[] largeContent(int i) {
    return ("x".repeat(i % 97)).getBytes(StandardCharsets.UTF_8);
  }

  public static String largeName(int i) {
    return String.format("f%05d", i);
  }

  public static void write(Sink sink) throws IOException {
    sink.file("/hello.txt", HELLO);
    sink.file("/data.bin", DATA);
    sink.file("/nested/a/b/deep.txt", DEEP);
    for (String name : ODD_NAMES) {
      sink.file("/names/" + name, name.getBytes(StandardCharsets.UTF_8));
    }
    sink.dir("/empty");
    for (int i = 0; i < LARGE_COUNT; i++) {
      sink.file("/large/" + largeName(i), largeContent(i));
    }
  }

  /** Writes into a local directory (served by SFTP, nginx, the embedded server, file://). */
  public static Sink into(Path root) {
    return new Sink() {
      @Override
      public void file(String path, byte[] content) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.write(p, content);
      }

      @Override
      public void dir(String path) throws IOException {
        Files.createDirectories(root.resolve(path.substring(1)));
      }
    };
  }

  /** Writes into a bucket through jclouds, skipping S3's HTTP for speed. */
  public static Sink into(BlobStore blobs, String bucket, String prefix) {
    return new Sink() {
      @Override
      public void file(String path, byte[] content) {
        Blob b = blobs.blobBuilder(prefix + path.substring(1)).payload(content)
            .contentLength(content.length).build();
        blobs.putBlob(bucket, b);
      }

      @Override
      public void dir(String path) {
        Blob b = blobs.blobBuilder(prefix + path.substring(1) + "/").payload(new byte[0])
            .contentLength(0).build();
        blobs.putBlob(bucket, b);
      }
    };
  }
}
