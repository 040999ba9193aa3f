package dev.transfuse.translators.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.IndexPageServer;
import dev.transfuse.translators.testing.IndexStyle;
import dev.transfuse.translators.testing.MinaSftpServer;
import dev.transfuse.translators.testing.S3ProxyServer;
import dev.transfuse.translators.testing.TcpRelay;
import dev.transfuse.translators.vfs.VfsHostedStore;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.vfs2.FileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #3: "8 parallel ranged reads of one store really run in parallel despite VFS's
 * FileSystem lock". Each server answers every request after a fixed delay D, so 8 reads that
 * overlap take about D and 8 reads in a queue take 8 D. Through the Store (which bypasses
 * AbstractFileObject) the 8 reads must finish within 3 D; the same reads through the plain
 * Commons VFS API are timed too and printed, to show what the bypass avoids.
 */
@Timeout(120)
class ParallelReadTest {
  private static final int READERS = 8;
  private static final int CHUNK = 32 * 1024;
  private static final Duration D = Duration.ofMillis(300);
  private static final byte[] DATA = FixtureTree.bytes(READERS * CHUNK, 21);

  @TempDir Path root;

  /** Wall time of {@code READERS} tasks started together, in ms. */
  private static long parallelMillis(List<Callable<byte[]>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<byte[]>> results = new ArrayList<>();
      for (Callable<byte[]> t : tasks) {
        results.add(pool.submit(() -> {
          go.await();
          return t.call();
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get())
            .isEqualTo(Arrays.copyOfRange(DATA, i * CHUNK, (i + 1) * CHUNK));
      }
      return (System.nanoTime() - start) / 1_000_000;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long throughStore(Store store) throws Exception {
    List<Callable<byte[]>> tasks = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      long offset = (long) i * CHUNK;
      tasks.add(() -> {
        try (InputStream in = store.read("/data.bin", offset, CHUNK)) {
          return in.readAllBytes();
        }
      });
    }
    return parallelMillis(tasks);
  }

  /**
   * The same reads through the Commons VFS API the way a file system uses it: stat the file
   * ({@code getType()}, which VFS runs inside {@code synchronized (fileSystem)}), then read. A
   * fresh FileObject each, as with the files cache off.
   */
  private static long throughVfs(Store store) throws Exception {
    FileObject root = ((VfsHostedStore) store).vfs().root();
    List<Callable<byte[]>> tasks = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      long offset = (long) i * CHUNK;
      tasks.add(() -> {
        FileObject f = root.resolveFile("data.bin");
        assertThat(f.getType()).isEqualTo(org.apache.commons.vfs2.FileType.FILE);
        try (InputStream in = f.getContent().getInputStream()) {
          in.skipNBytes(offset);
          return in.readNBytes(CHUNK);
        }
      });
    }
    return parallelMillis(tasks);
  }

  private static void report(String store, long direct, long vfs) {
    System.out.printf("parallel-read %s: %d x %d KiB, %d ms per request: Store %d ms, "
        + "Commons VFS API %d ms%n", store, READERS, CHUNK / 1024, D.toMillis(), direct, vfs);
  }

  @Test
  void s3ReadsOverlap() throws Exception {
    try (S3ProxyServer server = S3ProxyServer.startInMemory()) {
      server.createBucket("par");
      FixtureTree.into(server.blobStore(), "par", "").file("/data.bin", DATA);
      try (TcpRelay relay = TcpRelay.start(server.port());
          Store store = Stores.open(URI.create("s3://par"),
              Map.of(StoreOptions.ENDPOINT, "http://127.0.0.1:" + relay.port()),
              server.credentials())) {
        throughStore(store); // warm the connection pool
        relay.delayRequests(D);
        long direct = throughStore(store);
        long vfs = throughVfs(store);
        report("s3", direct, vfs);
        assertThat(direct).isLessThan(3 * D.toMillis());
      }
    }
  }

  @Test
  void httpReadsOverlap() throws Exception {
    FixtureTree.into(root).file("/data.bin", DATA);
    try (IndexPageServer server = IndexPageServer.start(root, IndexStyle.APACHE_TABLE);
        Store store = Stores.open(server.base(), Map.of(), Map.of())) {
      throughStore(store);
      server.delayResponses(D);
      long direct = throughStore(store);
      long vfs = throughVfs(store);
      report("http", direct, vfs);
      assertThat(direct).isLessThan(3 * D.toMillis());
    }
  }

  @Test
  void sftpReadsOverlap() throws Exception {
    FixtureTree.into(root.resolve("served")).file("/data.bin", DATA);
    try (MinaSftpServer server = MinaSftpServer.start(root.resolve("served"), root)) {
      Map<String, String> options = new HashMap<>();
      options.put(StoreOptions.KNOWN_HOSTS_FILE, server.knownHosts().toString());
      // One SFTP channel is served by one server thread, in order (OpenSSH's sftp-server too),
      // so reads overlap across channels: as many channels as readers.
      options.put(StoreOptions.CHANNELS, String.valueOf(READERS));
      try (Store store = Stores.open(
          URI.create("sftp://" + MinaSftpServer.USER + "@127.0.0.1:" + server.port() + "/"),
          options, Map.of(StoreOptions.PASSWORD, MinaSftpServer.PASSWORD))) {
        throughStore(store); // warm up: JIT, channel windows
        server.delayReads(D);
        long direct = throughStore(store);
        long vfs = throughVfs(store);
        report("sftp", direct, vfs);
        assertThat(direct).isLessThan(3 * D.toMillis());
      }
    }
  }
}
