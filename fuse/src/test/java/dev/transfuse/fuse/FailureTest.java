package dev.transfuse.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.fuse.mount.FuseDevice;
import dev.transfuse.fuse.mount.KernelMountOptions;
import dev.transfuse.fuse.mount.MountException;
import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.fuse.mount.Mounter;
import dev.transfuse.fuse.server.FuseSession;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when things go wrong: failing methods, unmounts under load, bad mountpoints. */
class FailureTest {
  @TempDir Path tmp;

  @Test
  void aThrowingMethodGivesEioAndTheMountKeepsWorking() throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ZERO, false);
    fs.putFile("/bad.txt", "bad".getBytes());
    fs.putFile("/good.txt", "good".getBytes());
    fs.failReadsOf("bad.txt");
    try (TestMount m = new TestMount(tmp, fs)) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> Files.readAllBytes(m.resolve("bad.txt")))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("Input/output error");
        assertThat(Files.readString(m.resolve("good.txt"))).isEqualTo("good");
      }
    }
  }

  @Test
  void unmountWhileAReaderIsBlockedReleasesTheReaderWithAnError() throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ZERO, false);
    fs.putFile("/slow.txt", "slow".getBytes());
    fs.blockReadsOf("slow.txt");
    TestMount m = new TestMount(tmp, fs);
    try {
      CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
        try {
          return Files.readAllBytes(m.resolve("slow.txt"));
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      assertThat(fs.awaitReadBlocked(Duration.ofSeconds(10))).isTrue();
      long start = System.nanoTime();
      m.session().close();
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
          .as("close() is bounded").isLessThan(10);
      assertThatThrownBy(() -> reader.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(IOException.class);
      assertThat(MountTable.at(m.path())).isEmpty();
    } finally {
      fs.releaseBlockedReads();
      m.close();
    }
  }

  @Test
  void aStaleMountLeftByADeadDaemonIsClearedBeforeMounting() throws Exception {
    Path mnt = Files.createDirectories(tmp.resolve("stale"));
    // A daemon that dies: mount, then close the device without unmounting.
    FuseDevice dead = Mounter.mount(mnt, KernelMountOptions.defaults("dead"));
    dead.close();
    assertThatThrownBy(() -> Files.list(mnt).close())
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining("Transport endpoint is not connected");

    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(1), false);
    fs.putFile("/alive.txt", "alive".getBytes());
    try (FuseSession s = FuseSession.mount(mnt, fs, SessionOptions.defaults("fresh"))) {
      assertThat(Files.readString(mnt.resolve("alive.txt"))).isEqualTo("alive");
    }
    assertThat(MountTable.at(mnt)).isEmpty();
  }

  @Test
  void badMountpointsAreRefusedWithThePathAndTheReason() throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ZERO, false);
    SessionOptions opts = SessionOptions.defaults("memfs");
    Path missing = tmp.resolve("missing");
    assertThatThrownBy(() -> FuseSession.mount(missing, fs, opts))
        .isInstanceOf(MountException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> FuseSession.mount(file, fs, opts))
        .isInstanceOf(MountException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a directory");
    try (TestMount busy = new TestMount(tmp, fs)) {
      assertThatThrownBy(() -> FuseSession.mount(busy.path(), fs, opts))
          .isInstanceOf(MountException.class)
          .hasMessageContaining(busy.path().toString()).hasMessageContaining("busy");
    }
    assertThat(MountTable.at(tmp.resolve("mnt"))).isEmpty();
  }

  @Test
  void mountsThroughFusermount3AsAnUnprivilegedDaemonWould() throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(1), false);
    fs.putFile("/via-fusermount.txt", "handed over".getBytes());
    SessionOptions opts = SessionOptions.defaults("fm").withMount(
        KernelMountOptions.defaults("fm").withMethod(KernelMountOptions.Method.FUSERMOUNT));
    Path mnt = Files.createDirectories(tmp.resolve("fm"));
    try (FuseSession s = FuseSession.mount(mnt, fs, opts)) {
      assertThat(Files.readString(mnt.resolve("via-fusermount.txt"))).isEqualTo("handed over");
      assertThat(MountTable.at(mnt).orElseThrow().fsType()).isEqualTo("fuse.transfuse");
    }
    assertThat(MountTable.at(mnt)).isEmpty();
  }
}
