package dev.transfuse.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight threads at once on one mount: their own files, and one shared file. */
class ConcurrencyTest {
  private static final int THREADS = 8;

  @Test
  void eightThreadsReadAndWriteTheirOwnFiles(@TempDir Path tmp) throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(1), true);
    try (TestMount m = new TestMount(tmp, fs)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          byte[] data = new byte[1_500_000 + id * 1013];
          new Random(id).nextBytes(data);
          Path f = m.resolve("file-" + id);
          for (int round = 0; round < 5; round++) {
            Files.write(f, data);
            if (!java.util.Arrays.equals(Files.readAllBytes(f), data)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
      pool.shutdown();
    }
  }

  @Test
  void eightThreadsWriteDisjointRangesOfOneFileAndReadItWhole(@TempDir Path tmp)
      throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(1), true);
    int chunk = 256 * 1024;
    byte[] expected = new byte[chunk * THREADS];
    new Random(42).nextBytes(expected);
    try (TestMount m = new TestMount(tmp, fs)) {
      Path shared = m.resolve("shared.bin");
      Files.write(shared, new byte[expected.length]);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> writes = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int id = t;
        writes.add(pool.submit(() -> {
          try (FileChannel ch = FileChannel.open(shared, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(expected, id * chunk, chunk), (long) id * chunk);
          }
          return null;
        }));
      }
      for (Future<?> w : writes) {
        w.get();
      }
      // and read it concurrently: every reader must see the same whole content
      List<Future<byte[]>> reads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        reads.add(pool.submit(() -> MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(shared))));
      }
      byte[] want = MessageDigest.getInstance("SHA-256").digest(expected);
      for (Future<byte[]> r : reads) {
        assertThat(r.get()).isEqualTo(want);
      }
      pool.shutdown();
    }
  }

  @Test
  void whileEveryResidentWorkerWaitsInAReadMoreStartAndOtherRequestsAreAnswered(@TempDir Path tmp) throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ZERO, false);
    int stalled = 12; // more than the 8 resident workers
    for (int i = 0; i < stalled; i++) {
      fs.putFile("/stall-" + i, ("content " + i).getBytes());
    }
    fs.putFile("/other.txt", "other".getBytes());
    fs.blockReadsOf("stall-");
    ExecutorService pool = Executors.newFixedThreadPool(stalled + 1);
    try (TestMount m = new TestMount(tmp, fs)) {
      List<Future<String>> readers = new ArrayList<>();
      for (int i = 0; i < stalled; i++) {
        Path f = m.resolve("stall-" + i);
        readers.add(pool.submit(() -> Files.readString(f)));
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (fs.blockedReads() < stalled && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(fs.blockedReads()).as("workers started beyond the resident ones")
          .isEqualTo(stalled);
      // ... the daemon still answers what it can answer at once.
      assertThat(pool.submit(() -> Files.readString(m.resolve("other.txt")))
          .get(5, TimeUnit.SECONDS)).isEqualTo("other");
      assertThat(m.path().toFile().getTotalSpace()).isPositive();
      fs.releaseBlockedReads();
      for (int i = 0; i < stalled; i++) {
        assertThat(readers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("content " + i);
      }
    } finally {
      fs.releaseBlockedReads();
      pool.shutdownNow();
    }
  }
}
