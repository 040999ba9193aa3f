package dev.transfuse.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.bench.MemfsDaemon;
import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mount lifecycle beyond the happy path: JVM exit, delete notifications, writeback cache. */
class LifecycleTest {
  @TempDir Path tmp;

  @Test
  void aTerminatedDaemonUnmountsThroughItsShutdownHook() throws Exception {
    Path mnt = Files.createDirectories(tmp.resolve("daemon"));
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), MemfsDaemon.class.getName(),
        mnt.toString(), "1", "0").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // skip log lines until the mount is ready
      }
      assertThat(line).isEqualTo("READY");
      assertThat(Files.readString(mnt.resolve("hot.txt"))).isEqualTo("hot");
      // SIGTERM (the JVM runs its shutdown hooks); through the handle, because
      // Process.destroy() also closes the pipes, and the daemon sees its stdin end
      p.toHandle().destroy();
      StringBuilder rest = new StringBuilder();
      while ((line = out.readLine()) != null) { // until the daemon exits
        rest.append(line).append('\n');
      }
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(MountTable.at(mnt)).as("unmounted by the shutdown hook; daemon said:%n%s", rest)
          .isEmpty();
    } finally {
      p.destroyForcibly();
      if (MountTable.at(mnt).isPresent()) {
        TestMount.sh(tmp, "umount -l " + mnt);
      }
    }
  }

  @Test
  void deleteNotificationMakesTheKernelForgetAName() throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    fs.putFile("/gone.txt", "x".getBytes());
    try (TestMount m = new TestMount(tmp, fs)) {
      assertThat(Files.exists(m.resolve("gone.txt"))).isTrue();
      long id = fs.nodeId("/gone.txt");
      fs.removeBehindKernel("/gone.txt");
      assertThat(fs.kernel().deleteEntry(Filesystem.ROOT_ID, id, "gone.txt")).isTrue();
      org.assertj.core.api.Assertions.assertThatThrownBy(
          () -> Files.readString(m.resolve("gone.txt"))).isInstanceOf(NoSuchFileException.class);
      assertThat(fs.kernel().invalidateEntry(Filesystem.ROOT_ID, "never-looked-up"))
          .as("nothing cached under that name").isFalse();
    }
  }

  @Test
  void writebackCacheMountsServeWritesAndReads() throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(1), true);
    try (TestMount m = new TestMount(tmp, fs,
        SessionOptions.defaults("wb").withWorkers(2).withWritebackCache(true))) {
      assertThat(m.session().connection().has(
          dev.transfuse.fuse.kernel.InitFlags.WRITEBACK_CACHE)).isTrue();
      assertThat(m.session().connection().passthrough()).as("exclusive with writeback").isFalse();
      byte[] data = new byte[3 << 20];
      new java.util.Random(3).nextBytes(data);
      Files.write(m.resolve("wb.bin"), data);
      assertThat(Files.readAllBytes(m.resolve("wb.bin"))).isEqualTo(data);
      assertThat(Files.size(m.resolve("wb.bin"))).isEqualTo(data.length);
    }
  }
}
