package dev.transfuse.translators.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.FreePort;
import dev.transfuse.translators.testing.IndexPageServer;
import dev.transfuse.translators.testing.IndexStyle;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP under bad conditions: missing base, refused port, a body that stalls or is cut. */
@Timeout(60)
class HttpFailureTest {
  private static final int BIG = 16 * 1024 * 1024;
  private static final Map<String, String> FAST = Map.of(
      StoreOptions.CONNECT_TIMEOUT, "2s", StoreOptions.READ_TIMEOUT, "1s");
  @TempDir Path root;
  private IndexPageServer server;

  @BeforeEach
  void start() throws Exception {
    FixtureTree.into(root).file("/big.bin", FixtureTree.bytes(BIG, 13));
    server = IndexPageServer.start(root, IndexStyle.APACHE_TABLE);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void missingBaseIsNotFoundAtOpen() {
    assertThatThrownBy(() -> Stores.open(server.base().resolve("nope/"), FAST, Map.of()))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void refusedPortIsUnavailable() throws Exception {
    URI dead = URI.create("http://127.0.0.1:" + FreePort.pick() + "/");
    assertThatThrownBy(() -> Stores.open(dead, FAST, Map.of()))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
          assertThat(e.getMessage()).contains(dead.toString());
        });
  }

  @Test
  void writesAreRefusedAsUnsupported() throws Exception {
    try (Store store = Stores.open(server.base(), FAST, Map.of())) {
      assertThat(store.capabilities().readOnly()).isTrue();
      assertThatThrownBy(() -> store.mkdir("/x")).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
      assertThatThrownBy(() -> store.upload("/x", root.resolve("big.bin")))
          .isInstanceOfSatisfying(StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
    }
  }

  @Test
  void serverWithoutRangeSupportStillGivesTheRightBytes() throws Exception {
    server.ignoreRanges(true);
    byte[] all = java.nio.file.Files.readAllBytes(root.resolve("big.bin"));
    try (Store store = Stores.open(server.base(), FAST, Map.of());
        InputStream in = store.read("/big.bin", 1_000_003, 4097)) {
      assertThat(in.readAllBytes())
          .isEqualTo(java.util.Arrays.copyOfRange(all, 1_000_003, 1_000_003 + 4097));
    }
    try (Store store = Stores.open(server.base(), FAST, Map.of());
        InputStream in = store.read("/big.bin", BIG + 10L, 10)) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void bodyThatStallsFailsWithinTheReadTimeout() throws Exception {
    try (Store store = Stores.open(server.base(), FAST, Map.of())) {
      server.stallAfter(1024 * 1024);
      try (InputStream in = store.read("/big.bin", 0, BIG)) {
        long start = System.nanoTime();
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOfSatisfying(StoreException.class, e -> {
              assertThat(e.kind()).isEqualTo(Kind.IO);
              assertThat(e.getMessage()).contains("/big.bin");
            });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
      }
    }
  }

  @Test
  void serverStoppedMidReadIsAnIoError() throws Exception {
    try (Store store = Stores.open(server.base(), FAST, Map.of())) {
      server.stallAfter(2 * 1024 * 1024);
      try (InputStream in = store.read("/big.bin", 0, BIG)) {
        in.readNBytes(64 * 1024);
        server.stop();
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.IO));
      }
    }
  }
}
