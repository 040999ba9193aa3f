package dev.transfuse.mount.fs;

import static dev.transfuse.fuse.testing.TestMount.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.translators.store.Store;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same file operations through a real mount over each store (one subclass per store, each
 * against a real server on loopback): what a user does with cp, mv, rm, mkdir and editors.
 */
abstract class MountedStoreContract {
  @TempDir Path tmp;
  Path mnt;
  StoreMount mount;

  /** A store whose root holds {@code seed.txt} = "seed\n" and nothing else. */
  abstract Store openStore(Path tmp) throws Exception;

  abstract void stopServer() throws Exception;

  @BeforeEach
  void mount() throws Exception {
    mnt = Files.createDirectories(tmp.resolve("mnt"));
    mount = StoreMount.mount(openStore(tmp), CacheOptions.builder(tmp.resolve("cache")).build(),
        BridgeOptions.defaults(0, 0), mnt, SessionOptions.defaults("contract"));
  }

  @AfterEach
  void unmount() throws Exception {
    mount.close();
    stopServer();
  }

  @Test
  void readsWhatTheStoreHolds() throws Exception {
    assertThat(Files.readString(mnt.resolve("seed.txt"))).isEqualTo("seed\n");
    try (Stream<Path> s = Files.list(mnt)) {
      assertThat(s.map(p -> p.getFileName().toString())).contains("seed.txt");
    }
    assertThatThrownBy(() -> Files.readString(mnt.resolve("missing")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void writesRenamesAndDeletesLikeALocalDisk() throws Exception {
    byte[] data = new byte[(5 << 20) + 17];
    new Random(1).nextBytes(data);
    Path d = Files.createDirectories(mnt.resolve("work/deeper"));
    Path f = d.resolve("a file with spaces & ünicode.bin");
    Files.write(f, data);
    assertThat(Files.size(f)).isEqualTo(data.length);
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
    // overwrite in the middle, as an editor or a database would
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap("PATCH".getBytes()), 1_000_003);
    }
    System.arraycopy("PATCH".getBytes(), 0, data, 1_000_003, 5);
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
    Path moved = mnt.resolve("work/moved.bin");
    Files.move(f, moved);
    assertThat(Files.exists(f)).isFalse();
    assertThat(Files.readAllBytes(moved)).isEqualTo(data);
    sh(tmp, "cp " + moved + " " + mnt.resolve("work/copy.bin") + " && cmp " + moved + " "
        + mnt.resolve("work/copy.bin"));
    sh(tmp, "rm " + moved + " " + mnt.resolve("work/copy.bin") + " && rmdir " + d);
    try (Stream<Path> s = Files.list(mnt.resolve("work"))) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void truncatesAndAppends() throws Exception {
    Path f = mnt.resolve("log.txt");
    Files.writeString(f, "one\n");
    Files.writeString(f, "two\n", StandardOpenOption.APPEND);
    assertThat(Files.readString(f)).isEqualTo("one\ntwo\n");
    sh(tmp, "truncate -s 3 " + f);
    assertThat(Files.readString(f)).isEqualTo("one");
  }
}
