package dev.transfuse.translators.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.OpenSshServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.vfs2.FileObject;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.FileType;
import org.apache.commons.vfs2.RandomAccessContent;
import org.apache.commons.vfs2.cache.NullFilesCache;
import org.apache.commons.vfs2.impl.DefaultFileSystemManager;
import org.apache.commons.vfs2.provider.sftp.BytesIdentityInfo;
import org.apache.commons.vfs2.util.RandomAccessMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The test for keeping Commons VFS's own sftp provider: with the maintained JSch fork
 * ({@code com.github.mwiede:jsch}) swapped in, does it log in to Debian's OpenSSH and do 8
 * parallel stat+ranged reads overlap? It logs in (asserted); the timings of the same 8 reads
 * through it and through our MINA-based store are printed side by side, which is what
 * {@link SftpStore}'s header cites.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JschComparisonTest {
  private static final int READERS = 8;
  private static final int CHUNK = 1024 * 1024;
  private static final byte[] DATA = FixtureTree.bytes(READERS * CHUNK, 77);
  private OpenSshServer server;
  private Path work;
  private Path root;

  @BeforeAll
  void start() throws Exception {
    work = Files.createTempDirectory("transfuse-jsch-");
    root = Files.createDirectories(work.resolve("data"));
    FixtureTree.into(root).file("/data.bin", DATA);
    server = OpenSshServer.start(work);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static long parallel(List<Callable<byte[]>> tasks) throws Exception {
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

  private long throughMina() throws Exception {
    try (Store store = Stores.open(
        URI.create("sftp://" + server.user() + "@127.0.0.1:" + server.port() + root),
        Map.of(StoreOptions.KNOWN_HOSTS_FILE, server.knownHosts().toString(),
            StoreOptions.CHANNELS, "8"),
        Map.of(StoreOptions.PRIVATE_KEY, server.clientPrivateKey()))) {
      List<Callable<byte[]>> tasks = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        long offset = (long) i * CHUNK;
        tasks.add(() -> {
          assertThat(store.stat("/data.bin")).isPresent();
          try (InputStream in = store.read("/data.bin", offset, CHUNK)) {
            return in.readAllBytes();
          }
        });
      }
      parallel(tasks); // warm-up: JIT, session, channels
      return parallel(tasks);
    }
  }

  private long throughVfsJsch() throws Exception {
    DefaultFileSystemManager manager = new DefaultFileSystemManager();
    manager.setFilesCache(new NullFilesCache());
    manager.addProvider("sftp", new org.apache.commons.vfs2.provider.sftp.SftpFileProvider());
    manager.init();
    try {
      FileSystemOptions opts = new FileSystemOptions();
      var config = org.apache.commons.vfs2.provider.sftp.SftpFileSystemConfigBuilder.getInstance();
      config.setStrictHostKeyChecking(opts, "yes");
      config.setKnownHosts(opts, server.knownHosts().toFile());
      config.setUserDirIsRoot(opts, false);
      config.setConnectTimeout(opts, Duration.ofSeconds(10));
      config.setSessionTimeout(opts, Duration.ofSeconds(30));
      config.setIdentityProvider(opts, new BytesIdentityInfo(
          server.clientPrivateKey().getBytes(StandardCharsets.US_ASCII), null));
      String url = "sftp://" + server.user() + "@127.0.0.1:" + server.port() + root
          + "/data.bin";
      List<Callable<byte[]>> tasks = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        long offset = (long) i * CHUNK;
        tasks.add(() -> {
          FileObject f = manager.resolveFile(url, opts);
          assertThat(f.getType()).isEqualTo(FileType.FILE);
          try (RandomAccessContent rac = f.getContent()
              .getRandomAccessContent(RandomAccessMode.READ)) {
            rac.seek(offset);
            try (InputStream in = rac.getInputStream()) {
              return in.readNBytes(CHUNK);
            }
          }
        });
      }
      parallel(tasks);
      return parallel(tasks);
    } finally {
      manager.close();
    }
  }

  @Test
  void vfsJschLogsInAndBothReadTheRightBytes() throws Exception {
    long vfs = throughVfsJsch();
    long mina = throughMina();
    System.out.printf("sftp-client on OpenSSH: 8 parallel stat + 1 MiB ranged reads: "
        + "Commons VFS sftp + JSch %s %d ms, transfuse SftpStore (MINA) %d ms%n",
        com.jcraft.jsch.JSch.VERSION, vfs, mina);
  }
}
