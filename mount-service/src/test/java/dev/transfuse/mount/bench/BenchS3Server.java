package dev.transfuse.mount.bench;

import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jclouds.blobstore.BlobStore;

/**
 * The store of bench/mount-bench.sh, in a JVM of its own so that its CPU and heap are not
 * counted in any contender's: writes the dataset to NATIVE_DIR (the native contender), starts
 * S3Proxy on disk under DATA_DIR (127.0.0.1, a free port), puts the same files into BUCKET,
 * prints {@code ENDPOINT <url>} and {@code READY}, and serves until stdin closes.
 *
 * <pre>BenchS3Server DATA_DIR NATIVE_DIR BUCKET BIG_MIB</pre>
 */
public final class BenchS3Server {
  private BenchS3Server() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: BenchS3Server DATA_DIR NATIVE_DIR BUCKET BIG_MIB");
      System.exit(2);
    }
    Path native_ = Path.of(args[1]);
    String bucket = args[2];
    BenchDataset.write(native_, Integer.parseInt(args[3]));
    try (S3ProxyServer s3 = S3ProxyServer.startOnDisk(Files.createDirectories(Path.of(args[0])))) {
      s3.createBucket(bucket);
      seed(s3.blobStore(), bucket, native_);
      System.out.println("ENDPOINT " + s3.endpoint());
      System.out.println("READY");
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the driver closes our stdin
      }
    }
  }

  /** Puts every regular file under {@code root} as the key of its relative path. */
  private static void seed(BlobStore blobs, String bucket, Path root) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (Path f : files) {
        puts.add(pool.submit(() -> put(blobs, bucket, root, f)));
      }
      for (Future<?> p : puts) {
        p.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static Void put(BlobStore blobs, String bucket, Path root, Path f) throws IOException {
    String key = root.relativize(f).toString().replace('\\', '/');
    blobs.putBlob(bucket, blobs.blobBuilder(key).payload(f.toFile())
        .contentLength(Files.size(f)).build());
    return null;
  }
}
