package dev.transfuse.mount.fs;

import static dev.transfuse.fuse.testing.TestMount.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.server.RequestCounters;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.translators.Stores;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real mount over S3Proxy: what reaches the store, what reaches the daemon, and coherence. */
class S3MountTest {
  static final String BUCKET = "bucket";
  static S3ProxyServer s3;
  static byte[] big;

  @TempDir Path tmp;
  CountingStore store;
  StoreMount mount;
  Path mnt;
  RequestCounters daemon;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.startInMemory();
    s3.createBucket(BUCKET);
    BlobStore b = s3.blobStore();
    b.putBlob(BUCKET, b.blobBuilder("hot.txt").payload("hot\n".getBytes()).build());
    for (int i = 0; i < 5000; i++) {
      b.putBlob(BUCKET, b.blobBuilder(String.format("flat/f%05d.txt", i))
          .payload(Integer.toString(i).getBytes()).build());
    }
    for (int i = 0; i < 3; i++) {
      b.putBlob(BUCKET, b.blobBuilder("dir/sub/file" + i).payload(new byte[100 * i]).build());
    }
    big = new byte[64 << 20];
    new Random(64).nextBytes(big);
    b.putBlob(BUCKET, b.blobBuilder("big.bin").payload(big).build());
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @BeforeEach
  void mount() throws Exception {
    mount(CacheOptions.builder(tmp.resolve("cache")).build());
  }

  void mount(CacheOptions cache) throws Exception {
    store = new CountingStore(Stores.open(URI.create("s3://" + BUCKET), s3.options(),
        s3.credentials()));
    mnt = Files.createDirectories(tmp.resolve("mnt"));
    mount = StoreMount.mount(store, cache, BridgeOptions.defaults(0, 0), mnt,
        SessionOptions.defaults("s3:" + BUCKET));
    daemon = mount.session().counters();
  }

  @AfterEach
  void unmount() {
    if (mount != null) {
      mount.close();
    }
  }

  static int list(Path dir) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path ignored : s) {
        n++;
      }
    }
    return n;
  }

  @Test
  void hotStatAndListdirCostNoRemoteCallsAndNoDaemonRequests() throws Exception {
    Path hot = mnt.resolve("hot.txt");
    Path dir = mnt.resolve("dir/sub");
    Files.readAttributes(hot, BasicFileAttributes.class);
    assertThat(list(dir)).isEqualTo(3);
    Files.readAttributes(dir, BasicFileAttributes.class); // see KernelCacheTest: atime refresh
    long remote = store.calls();
    long requests = daemon.total();
    for (int i = 0; i < 2000; i++) {
      assertThat(Files.readAttributes(hot, BasicFileAttributes.class).size()).isEqualTo(4);
      assertThat(list(dir)).isEqualTo(3);
    }
    assertThat(store.calls() - remote).as("remote calls").isZero();
    assertThat(daemon.total() - requests).as("daemon requests %s", daemon.snapshot()).isZero();
  }

  @Test
  void lsOfAColdFiveThousandEntryPrefixIsAFewListingsAndNoHeads() throws Exception {
    String out = sh(tmp, "ls -l " + mnt.resolve("flat") + " | wc -l");
    assertThat(out.trim()).isEqualTo("5001"); // "total" line + 5,000 entries
    assertThat(store.lists.get()).as("listing calls").isLessThanOrEqualTo(5);
    assertThat(store.stats.get()).as("per-file HEADs").isLessThanOrEqualTo(2); // flat/ itself
    assertThat(daemon.count(Opcode.LOOKUP)).as("lookups answered by READDIRPLUS")
        .isLessThanOrEqualTo(2);
  }

  @Test
  void findOnAColdTreeIsOneListingPerDirectoryAndNoHeads() throws Exception {
    String out = sh(tmp, "find " + mnt.resolve("dir") + " -ls | wc -l");
    assertThat(out.trim()).isEqualTo("5"); // dir, dir/sub, 3 files
    assertThat(store.lists.get()).as("one listing per directory").isEqualTo(2);
    assertThat(store.stats.get()).as("HEADs: dir itself only").isLessThanOrEqualTo(2);
  }

  @Test
  void readingA64MiBFileTwiceFetchesItOnce() throws Exception {
    Path f = mnt.resolve("big.bin");
    assertThat(sha(Files.readAllBytes(f))).isEqualTo(sha(big));
    long fetched = store.bytesRead.get();
    assertThat(fetched).isBetween((long) big.length, big.length * 11L / 10);
    assertThat(sha(Files.readAllBytes(f))).isEqualTo(sha(big));
    assertThat(store.bytesRead.get()).as("second read fetched nothing").isEqualTo(fetched);
  }

  @Test
  void aFileWhollyInTheDiskCacheIsReadByTheKernelThroughPassthrough() throws Exception {
    Path f = mnt.resolve("big.bin");
    assertThat(sha(Files.readAllBytes(f))).isEqualTo(sha(big)); // fills the disk cache
    var cached = mount.cache().stat("/big.bin").orElseThrow();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (mount.cache().cachedFile("/big.bin", cached).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(50); // blocks reach the disk tier asynchronously
    }
    assertThat(mount.cache().cachedFile("/big.bin", cached)).isPresent();
    // drop the page cache so the next read cannot be answered from it
    mount.filesystem().invalidation().invalidateNow("/big.bin");
    long reads = daemon.count(Opcode.READ);
    assertThat(sha(Files.readAllBytes(f))).isEqualTo(sha(big));
    assertThat(mount.statistics().passthroughOpens()).isPositive();
    assertThat(daemon.count(Opcode.READ)).as("READs with a backing file").isEqualTo(reads);
  }

  @Test
  void parallelReadersAndRandomRangesGetExactlyTheSourceBytes() throws Exception {
    Path f = mnt.resolve("big.bin");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<Boolean>> checks = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      long seed = t;
      checks.add(pool.submit(() -> {
        Random r = new Random(seed);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
          for (int i = 0; i < 40; i++) {
            int len = 1 + r.nextInt(3 << 20);
            long off = r.nextInt(big.length - len);
            if (i % 4 == 0) {
              off = (off / (1 << 20)) * (1 << 20) - (len / 2); // straddle a block edge
              off = Math.max(0, off);
            }
            ByteBuffer buf = ByteBuffer.allocate(len);
            while (buf.hasRemaining() && ch.read(buf, off + buf.position()) > 0) {
              // keep reading
            }
            if (!java.util.Arrays.equals(buf.array(),
                java.util.Arrays.copyOfRange(big, (int) off, (int) off + len))) {
              return false;
            }
          }
        }
        return true;
      }));
    }
    for (Future<Boolean> c : checks) {
      assertThat(c.get()).isTrue();
    }
    pool.shutdown();
    assertThat(sha(Files.readAllBytes(f))).isEqualTo(sha(big));
  }

  @Test
  void writesThroughTheMountAreVisibleAtOnceAndReachTheStore() throws Exception {
    byte[] data = new byte[(8 << 20) + 3];
    new Random(8).nextBytes(data);
    Path f = mnt.resolve("dir/new.bin");
    Files.write(f, data);
    assertThat(Files.size(f)).isEqualTo(data.length);
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
    assertThat(store.uploads.get()).isGreaterThanOrEqualTo(1);
    assertThat(s3.blobStore().getBlob(BUCKET, "dir/new.bin").getPayload().openStream()
        .readAllBytes()).isEqualTo(data);
    Files.move(f, mnt.resolve("dir/renamed.bin"));
    assertThat(Files.exists(f)).isFalse();
    assertThat(Files.readAllBytes(mnt.resolve("dir/renamed.bin"))).isEqualTo(data);
    Files.delete(mnt.resolve("dir/renamed.bin"));
    assertThat(s3.blobStore().blobExists(BUCKET, "dir/renamed.bin")).isFalse();
    Files.createDirectory(mnt.resolve("emptydir"));
    assertThat(list(mnt.resolve("emptydir"))).isZero();
    Files.delete(mnt.resolve("emptydir"));
    assertThatThrownBy(() -> Files.delete(mnt.resolve("dir")))
        .isInstanceOf(java.nio.file.DirectoryNotEmptyException.class);
  }

  @Test
  void aChangeMadeInTheStoreIsVisibleAfterAnExplicitInvalidate() throws Exception {
    Path hot = mnt.resolve("hot.txt");
    assertThat(Files.readString(hot)).isEqualTo("hot\n");
    assertThat(list(mnt.resolve("dir/sub"))).isEqualTo(3);
    BlobStore b = s3.blobStore();
    b.putBlob(BUCKET, b.blobBuilder("hot.txt").payload("changed!\n".getBytes()).build());
    b.putBlob(BUCKET, b.blobBuilder("dir/sub/appeared").payload(new byte[1]).build());
    try {
      assertThat(Files.readString(hot)).as("cached until invalidated").isEqualTo("hot\n");
      assertThat(list(mnt.resolve("dir/sub"))).isEqualTo(3);
      mount.invalidate("/");
      mount.filesystem().invalidation().awaitSent();
      assertThat(Files.readString(hot)).isEqualTo("changed!\n");
      assertThat(list(mnt.resolve("dir/sub"))).isEqualTo(4);
    } finally {
      b.putBlob(BUCKET, b.blobBuilder("hot.txt").payload("hot\n".getBytes()).build());
      b.removeBlob(BUCKET, "dir/sub/appeared");
    }
  }

  @Test
  void aChangeMadeInTheStoreIsVisibleWithinThePollInterval() throws Exception {
    mount.close();
    mount = null;
    mount(CacheOptions.builder(tmp.resolve("cache2")).pollInterval(Duration.ofMillis(500))
        .build());
    Path f = mnt.resolve("dir/sub/file1");
    assertThat(Files.size(f)).isEqualTo(100);
    assertThat(list(mnt.resolve("dir/sub"))).isEqualTo(3);
    BlobStore b = s3.blobStore();
    b.putBlob(BUCKET, b.blobBuilder("dir/sub/file1").payload(new byte[123]).build());
    b.putBlob(BUCKET, b.blobBuilder("dir/sub/polled").payload(new byte[1]).build());
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while ((Files.size(f) != 123 || list(mnt.resolve("dir/sub")) != 4)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(Files.size(f)).isEqualTo(123);
      assertThat(list(mnt.resolve("dir/sub"))).isEqualTo(4);
    } finally {
      b.putBlob(BUCKET, b.blobBuilder("dir/sub/file1").payload(new byte[100]).build());
      b.removeBlob(BUCKET, "dir/sub/polled");
    }
  }

  @Test
  void aDiskCachedFileIsReusedAfterARestartUnlessItChanged() throws Exception {
    Path f = mnt.resolve("dir/sub/file2");
    assertThat(Files.readAllBytes(f)).hasSize(200);
    mount.close();
    mount(CacheOptions.builder(tmp.resolve("cache")).build());
    long before = store.bytesRead.get();
    assertThat(Files.readAllBytes(mnt.resolve("dir/sub/file2"))).hasSize(200);
    assertThat(store.bytesRead.get() - before).as("unchanged: served from disk").isZero();

    mount.close();
    BlobStore b = s3.blobStore();
    byte[] changed = new byte[200];
    changed[0] = 1;
    b.putBlob(BUCKET, b.blobBuilder("dir/sub/file2").payload(changed).build());
    try {
      mount(CacheOptions.builder(tmp.resolve("cache")).build());
      assertThat(Files.readAllBytes(mnt.resolve("dir/sub/file2"))).isEqualTo(changed);
      assertThat(store.bytesRead.get()).as("changed: fetched again").isEqualTo(200);
    } finally {
      b.putBlob(BUCKET, b.blobBuilder("dir/sub/file2").payload(new byte[200]).build());
    }
  }

  static String sha(byte[] b) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
