package dev.transfuse.mount.fs;

import static dev.transfuse.fuse.testing.TestMount.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.translators.Stores;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Owner, modes and read-only as the mount options say, and statistics that add up. */
class BridgeOptionsTest {
  @TempDir Path tmp;

  @Test
  void ownerModesAndReadOnlyComeFromTheOptions() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("local/sub"));
    Files.writeString(root.resolve("f.txt"), "content");
    Path mnt = Files.createDirectories(tmp.resolve("mnt"));
    BridgeOptions opts = new BridgeOptions(1234, 5678, 0640, 0750, true, Duration.ofSeconds(30));
    try (StoreMount m = StoreMount.mount(
        Stores.open(tmp.resolve("local").toUri(), Map.of(), Map.of()),
        CacheOptions.builder(tmp.resolve("cache")).build(), opts, mnt,
        SessionOptions.defaults("opts"))) {
      assertThat(sh(tmp, "stat -c '%u %g %a %F' " + mnt.resolve("sub/f.txt")).trim())
          .isEqualTo("1234 5678 440 regular file");
      assertThat(sh(tmp, "stat -c '%u %g %a %F' " + mnt.resolve("sub")).trim())
          .isEqualTo("1234 5678 550 directory");
      assertThat(Files.readString(mnt.resolve("sub/f.txt"))).isEqualTo("content");
      assertThatThrownBy(() -> Files.writeString(mnt.resolve("sub/new.txt"), "x"))
          .isInstanceOf(FileSystemException.class)
          .hasMessageContaining("Read-only file system");
      assertThatThrownBy(() -> Files.delete(mnt.resolve("sub/f.txt")))
          .isInstanceOfAny(FileSystemException.class, AccessDeniedException.class);
      assertThat(Files.exists(root.resolve("f.txt"))).isTrue();
      assertThat(sh(tmp, "grep ' " + mnt + " ' /proc/self/mounts")).contains(" ro,");

      MountStatistics stats = m.statistics();
      assertThat(stats.daemonRequests().get(Opcode.LOOKUP)).isPositive();
      assertThat(stats.cache().bytesFetched()).isEqualTo("content".length());
      assertThat(stats.nodesHeld()).isPositive();
    }
  }
}
