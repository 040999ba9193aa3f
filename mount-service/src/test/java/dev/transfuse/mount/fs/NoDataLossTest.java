package dev.transfuse.mount.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.fuse.testing.TestMount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes are never lost: not when the store dies during close, not when the daemon dies. */
class NoDataLossTest {
  static final String BUCKET = "safe";

  @TempDir Path tmp;

  static byte[] data(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] stored(RestartableS3 s3, String key) throws IOException {
    var blob = s3.blobs().getBlob(BUCKET, key);
    return blob == null ? null : blob.getPayload().openStream().readAllBytes();
  }

  static boolean awaitStored(RestartableS3 s3, String key, byte[] want, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (java.util.Arrays.equals(stored(s3, key), want)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  @Test
  void storeStoppedDuringCloseReportsTheErrorKeepsTheDataAndUploadsItLater() throws Exception {
    byte[] want = data(3 << 20, 1);
    try (RestartableS3 s3 = new RestartableS3(Files.createDirectories(tmp.resolve("s3")))) {
      s3.blobs().createContainerInLocation(null, BUCKET);
      Path mnt = Files.createDirectories(tmp.resolve("mnt"));
      CacheOptions cache = CacheOptions.builder(tmp.resolve("cache"))
          .uploadRetry(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
      try (StoreMount m = StoreMount.mount(s3.open(BUCKET), cache, BridgeOptions.defaults(0, 0),
          mnt, SessionOptions.defaults("safe"))) {
        Path f = mnt.resolve("precious.bin");
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.write(ByteBuffer.wrap(want));
        s3.stop();
        assertThatThrownBy(ch::close).as("close(2) reports the failed upload")
            .isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(f)).as("the staged copy is still served").isEqualTo(want);
        try (Stream<Path> staged = Files.list(tmp.resolve("cache/staging"))) {
          assertThat(staged.filter(p -> p.toString().endsWith(".data"))).hasSize(1);
        }
        s3.start();
        assertThat(awaitStored(s3, "precious.bin", want, Duration.ofSeconds(20)))
            .as("uploaded byte-identical once the store is back").isTrue();
      }
    }
  }

  @Test
  void daemonKilledWhileStagingLosesNothing() throws Exception {
    byte[] want = data(2 << 20, 2);
    try (RestartableS3 s3 = new RestartableS3(Files.createDirectories(tmp.resolve("s3")))) {
      s3.blobs().createContainerInLocation(null, BUCKET);
      Path mnt = Files.createDirectories(tmp.resolve("mnt"));
      Path cacheDir = tmp.resolve("cache");
      Process daemon = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), MountDaemon.class.getName(),
          s3.endpoint(), BUCKET, cacheDir.toString(), mnt.toString())
          .redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
          // log lines
        }
        assertThat(line).isEqualTo("READY");
        FileChannel ch = FileChannel.open(mnt.resolve("staged.bin"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        // write(2) returns once the daemon has staged the bytes; the upload waits for close
        ch.write(ByteBuffer.wrap(want));
        daemon.destroyForcibly(); // kill -9 before close: the data exists only staged
        assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).isTrue();
        try {
          ch.close();
        } catch (IOException expected) {
          // the daemon is gone
        }
      } finally {
        daemon.destroyForcibly();
        if (MountTable.at(mnt).isPresent()) {
          TestMount.sh(tmp, "umount -l " + mnt);
        }
      }
      assertThat(stored(s3, "staged.bin")).as("not uploaded before the restart").isNull();
      // the service comes back with the same cache directory
      try (StoreMount m = StoreMount.mount(s3.open(BUCKET), CacheOptions.builder(cacheDir)
          .build(), BridgeOptions.defaults(0, 0), mnt, SessionOptions.defaults("safe"))) {
        assertThat(awaitStored(s3, "staged.bin", want, Duration.ofSeconds(20)))
            .as("the staged write is uploaded after the restart").isTrue();
        assertThat(Files.readAllBytes(mnt.resolve("staged.bin"))).isEqualTo(want);
      }
    }
  }
}
