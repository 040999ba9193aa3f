package dev.transfuse.translators.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.MinaSftpServer;
import dev.transfuse.translators.testing.TcpRelay;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SFTP under bad conditions, against MINA's server: wrong password, unknown and changed host
 * keys under both policies, and a server that dies mid-read.
 */
@Timeout(60)
class SftpFailureTest {
  private static final int BIG = 16 * 1024 * 1024;
  @TempDir Path work;
  private MinaSftpServer server;
  private URI source;

  @BeforeEach
  void start() throws Exception {
    Path root = Files.createDirectories(work.resolve("root"));
    FixtureTree.into(root).file("/big.bin", FixtureTree.bytes(BIG, 9));
    server = MinaSftpServer.start(root, work);
    source = URI.create("sftp://" + MinaSftpServer.USER + "@127.0.0.1:" + server.port() + "/");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Map<String, String> options(Path knownHosts, String policy) {
    Map<String, String> o = new HashMap<>();
    o.put(StoreOptions.KNOWN_HOSTS_FILE, knownHosts.toString());
    o.put(StoreOptions.HOST_KEY_POLICY, policy);
    o.put(StoreOptions.CONNECT_TIMEOUT, "3s");
    o.put(StoreOptions.READ_TIMEOUT, "3s");
    return o;
  }

  private static Map<String, String> password(String p) {
    return Map.of(StoreOptions.PASSWORD, p);
  }

  @Test
  void wrongPasswordIsAccessDeniedWithoutThePassword() {
    assertThatThrownBy(() -> Stores.open(source, options(server.knownHosts(), "strict"),
        password("not-the-password")))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
          assertThat(e.getMessage()).contains("authentication").doesNotContain("not-the-password");
        });
  }

  @Test
  void unknownHostKeyIsRefusedClearlyUnderStrict() throws Exception {
    Path empty = Files.createFile(work.resolve("empty_known_hosts"));
    assertThatThrownBy(() -> Stores.open(source, options(empty, "strict"),
        password(MinaSftpServer.PASSWORD)))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
          assertThat(e.getMessage()).contains("host key", "127.0.0.1:" + server.port(),
              "hostKeyPolicy=strict");
        });
    assertThat(Files.readString(empty)).isEmpty();
  }

  @Test
  void acceptNewRecordsAnUnknownKeyAndThenTrustsIt() throws Exception {
    Path file = work.resolve("new_known_hosts");
    Files.createFile(file);
    try (Store store = Stores.open(source, options(file, "accept-new"),
        password(MinaSftpServer.PASSWORD))) {
      assertThat(store.stat("/big.bin")).isPresent();
    }
    assertThat(Files.readString(file)).contains("127.0.0.1");
    try (Store store = Stores.open(source, options(file, "strict"),
        password(MinaSftpServer.PASSWORD))) {
      assertThat(store.stat("/big.bin")).isPresent();
    }
  }

  @Test
  void changedHostKeyIsRefusedEvenUnderAcceptNew() throws Exception {
    Path other = work.resolve("other");
    Files.createDirectories(other);
    Path file = work.resolve("changed_known_hosts");
    try (MinaSftpServer impostor = MinaSftpServer.start(work.resolve("root"), other)) {
      // The impostor's key, recorded under the real server's address.
      String line = Files.readString(impostor.knownHosts())
          .replace(":" + impostor.port() + " ", ":" + server.port() + " ");
      Files.writeString(file, line);
    }
    assertThatThrownBy(() -> Stores.open(source, options(file, "accept-new"),
        password(MinaSftpServer.PASSWORD)))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
          assertThat(e.getMessage()).contains("host key");
        });
  }

  @Test
  void serverThatStopsAnsweringMidReadFailsWithinTheReadTimeout() throws Exception {
    try (TcpRelay relay = TcpRelay.start(server.port())) {
      Files.writeString(work.resolve("relay_known_hosts"), Files.readString(server.knownHosts())
          .replace(":" + server.port() + " ", ":" + relay.port() + " "));
      Map<String, String> options = options(work.resolve("relay_known_hosts"), "strict");
      options.put(StoreOptions.READ_TIMEOUT, "2s");
      URI viaRelay = URI.create("sftp://" + MinaSftpServer.USER + "@127.0.0.1:" + relay.port()
          + "/");
      try (Store store = Stores.open(viaRelay, options, password(MinaSftpServer.PASSWORD));
          InputStream in = store.read("/big.bin", 0, BIG)) {
        in.readNBytes(256 * 1024);
        relay.freeze();
        long start = System.nanoTime();
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.IO));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
      }
    }
  }

  @Test
  void theStoreReconnectsAfterTheSessionDied() throws Exception {
    try (TcpRelay relay = TcpRelay.start(server.port())) {
      Files.writeString(work.resolve("relay_known_hosts"), Files.readString(server.knownHosts())
          .replace(":" + server.port() + " ", ":" + relay.port() + " "));
      URI viaRelay = URI.create("sftp://" + MinaSftpServer.USER + "@127.0.0.1:" + relay.port()
          + "/");
      try (Store store = Stores.open(viaRelay,
          options(work.resolve("relay_known_hosts"), "strict"), password(MinaSftpServer.PASSWORD))) {
        assertThat(store.stat("/big.bin")).isPresent();
        relay.cut();
        // Idempotent calls retry on a fresh session: the caller never sees the dead one.
        assertThat(store.stat("/big.bin")).isPresent();
        assertThat(store.list("/")).hasSize(1);
      }
    }
  }

  @Test
  void serverStoppedMidReadIsAnIoErrorWithinTheTimeout() throws Exception {
    try (Store store = Stores.open(source, options(server.knownHosts(), "strict"),
        password(MinaSftpServer.PASSWORD));
        InputStream in = store.read("/big.bin", 0, BIG)) {
      in.readNBytes(256 * 1024);
      server.stop();
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
