package dev.transfuse.translators.bench;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jclouds.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Translator vs plain AWS SDK on S3Proxy over loopback, in one run (issue #3's benchmark):
 * sequential ranged reads of a large object (the translator's {@code Store.read} against an SDK
 * GetObject loop over the same ranges) and the listing of a 5,000-key prefix ({@code Store.list}
 * against the SDK's own paginated ListObjectsV2). Rounds are interleaved and medians reported.
 * Prints a Markdown table for bench/RESULTS.md on stdout; progress on stderr.
 *
 * <p>Arguments: {@code [rounds] [objectMiB] [rangeMiB]} (default 5, 512, 8).
 */
public final class TranslatorBench {
  private static final String BUCKET = "bench";
  private static final int KEYS = 5_000;

  private TranslatorBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    long objectBytes = (args.length > 1 ? Long.parseLong(args[1]) : 512) << 20;
    long range = (args.length > 2 ? Long.parseLong(args[2]) : 8) << 20;
    Path work = Files.createTempDirectory("transfuse-bench-");
    try (S3ProxyServer server = S3ProxyServer.startOnDisk(work.resolve("blobs"))) {
      server.createBucket(BUCKET);
      seed(server.blobStore(), work, objectBytes);
      try (Store store = Stores.open(URI.create("s3://" + BUCKET), server.options(),
              server.credentials());
          S3Client sdk = plainClient(server)) {
        run(store, sdk, rounds, objectBytes, range);
      }
    } finally {
      try (var walk = Files.walk(work)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void seed(BlobStore blobs, Path work, long size) throws Exception {
    Path big = work.resolve("big.bin");
    byte[] chunk = new byte[1 << 20];
    Random random = new Random(1);
    try (OutputStream out = Files.newOutputStream(big)) {
      for (long done = 0; done < size; done += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, size - done));
      }
    }
    blobs.putBlob(BUCKET, blobs.blobBuilder("big.bin").payload(big.toFile())
        .contentLength(size).build());
    Files.delete(big);
    for (int i = 0; i < KEYS; i++) {
      byte[] b = ("k" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      blobs.putBlob(BUCKET, blobs.blobBuilder(String.format("list/k%05d", i)).payload(b)
          .contentLength(b.length).build());
    }
  }

  /** A stock SDK client: what someone would write by hand against this endpoint. */
  private static S3Client plainClient(S3ProxyServer server) {
    return S3Client.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        // S3Proxy answers 501 to the SDK's default checksum headers: off on both sides.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  private static void run(Store store, S3Client sdk, int rounds, long size, long range)
      throws Exception {
    byte[] buf = new byte[256 * 1024];
    List<Double> readStore = new ArrayList<>();
    List<Double> readSdk = new ArrayList<>();
    List<Double> listStore = new ArrayList<>();
    List<Double> listSdk = new ArrayList<>();
    // Round 0 warms the JIT and the connection pools and is not counted.
    for (int r = 0; r <= rounds; r++) {
      double a = mbPerSecond(size, timeNanos(() -> readViaStore(store, size, range, buf)));
      double b = mbPerSecond(size, timeNanos(() -> readViaSdk(sdk, size, range, buf)));
      double c = timeNanos(() -> listViaStore(store)) / 1e6;
      double d = timeNanos(() -> listViaSdk(sdk)) / 1e6;
      System.err.printf(Locale.ROOT, "round %d: read store %.1f MB/s sdk %.1f MB/s; "
          + "list store %.1f ms sdk %.1f ms%n", r, a, b, c, d);
      if (r > 0) {
        readStore.add(a);
        readSdk.add(b);
        listStore.add(c);
        listSdk.add(d);
      }
    }
    double rs = median(readStore);
    double rk = median(readSdk);
    double ls = median(listStore);
    double lk = median(listSdk);
    System.out.printf(Locale.ROOT, "| workload | translator | plain AWS SDK | ratio | target | met |%n"
        + "|---|---|---|---|---|---|%n");
    System.out.printf(Locale.ROOT, "| sequential read, %d MiB object in %d MiB ranges | %.1f MB/s "
        + "| %.1f MB/s | %.2f× | >= 0.9× | %s |%n", size >> 20, range >> 20, rs, rk, rs / rk,
        rs / rk >= 0.9 ? "yes" : "no");
    System.out.printf(Locale.ROOT, "| list a %d-key prefix (with attributes) | %.1f ms | %.1f ms "
        + "| %.2f× | <= 1.2× | %s |%n", KEYS, ls, lk, ls / lk, ls / lk <= 1.2 ? "yes" : "no");
    System.out.printf(Locale.ROOT, "%nRaw samples:%n%n- read-store MB/s: %s%n- read-sdk MB/s: %s%n"
        + "- list-store ms: %s%n- list-sdk ms: %s%n", fmt(readStore), fmt(readSdk),
        fmt(listStore), fmt(listSdk));
  }

  interface Work {
    void run() throws Exception;
  }

  private static long timeNanos(Work w) throws Exception {
    long start = System.nanoTime();
    w.run();
    return System.nanoTime() - start;
  }

  private static void readViaStore(Store store, long size, long range, byte[] buf)
      throws Exception {
    long total = 0;
    for (long off = 0; off < size; off += range) {
      try (InputStream in = store.read("/big.bin", off, range)) {
        total += drain(in, buf);
      }
    }
    check(total, size);
  }

  private static void readViaSdk(S3Client sdk, long size, long range, byte[] buf)
      throws Exception {
    long total = 0;
    for (long off = 0; off < size; off += range) {
      String header = "bytes=" + off + "-" + (off + range - 1);
      try (ResponseInputStream<GetObjectResponse> in =
          sdk.getObject(b -> b.bucket(BUCKET).key("big.bin").range(header))) {
        total += drain(in, buf);
      }
    }
    check(total, size);
  }

  private static void listViaStore(Store store) throws Exception {
    List<DirEntry> entries = store.list("/list");
    check(entries.size(), KEYS);
  }

  private static void listViaSdk(S3Client sdk) {
    int n = 0;
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page = sdk.listObjectsV2(b -> b.bucket(BUCKET).prefix("list/")
          .delimiter("/").continuationToken(t));
      n += page.contents().size();
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    check(n, KEYS);
  }

  private static long drain(InputStream in, byte[] buf) throws Exception {
    long n = 0;
    int r;
    while ((r = in.read(buf)) >= 0) {
      n += r;
    }
    return n;
  }

  private static void check(long got, long expected) {
    if (got != expected) {
      throw new IllegalStateException("expected " + expected + ", got " + got);
    }
  }

  private static double mbPerSecond(long bytes, long nanos) {
    return bytes / 1e6 / (nanos / 1e9);
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  private static String fmt(List<Double> xs) {
    StringBuilder sb = new StringBuilder();
    for (double x : xs) {
      sb.append(String.format(Locale.ROOT, "%.1f ", x));
    }
    return sb.toString().trim();
  }
}
