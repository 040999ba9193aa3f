package dev.transfuse.translators.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.OpenSshServer;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Debian's OpenSSH under bad conditions: a key it does not know, and sshd killed mid-read. */
@Timeout(60)
class OpenSshFailureTest {
  private static final int BIG = 16 * 1024 * 1024;
  @TempDir Path work;
  private OpenSshServer server;
  private URI source;
  private Map<String, String> options;

  @BeforeEach
  void start() throws Exception {
    Path root = Files.createDirectories(work.resolve("root"));
    FixtureTree.into(root).file("/big.bin", FixtureTree.bytes(BIG, 11));
    server = OpenSshServer.start(work);
    source = URI.create("sftp://" + server.user() + "@127.0.0.1:" + server.port() + root);
    options = Map.of(StoreOptions.KNOWN_HOSTS_FILE, server.knownHosts().toString(),
        StoreOptions.CONNECT_TIMEOUT, "3s", StoreOptions.READ_TIMEOUT, "3s");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void keyTheServerDoesNotKnowIsAccessDenied() throws Exception {
    Path stranger = work.resolve("stranger");
    Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f",
        stranger.toString()).start();
    assertThat(p.waitFor()).isZero();
    assertThatThrownBy(() -> Stores.open(source, options,
        Map.of(StoreOptions.PRIVATE_KEY, Files.readString(stranger))))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
          assertThat(e.getMessage()).doesNotContain("PRIVATE KEY");
        });
  }

  @Test
  void ecdsaAndRsaKeysWithPassphrasesLogIn() throws Exception {
    for (String type : OpenSshServer.KEY_TYPES) {
      // rsa signs with rsa-sha2-256/512: OpenSSH 8.8+ refuses the SHA-1 "ssh-rsa" signature.
      try (Store store = Stores.open(source, options, Map.of(
          StoreOptions.PRIVATE_KEY, server.clientPrivateKey(type),
          StoreOptions.PASSPHRASE, OpenSshServer.PASSPHRASE))) {
        assertThat(store.stat("/big.bin")).as(type).isPresent();
      }
    }
  }

  @Test
  void wrongPassphraseIsAccessDeniedWithoutTheKey() throws Exception {
    assertThatThrownBy(() -> Stores.open(source, options, Map.of(
        StoreOptions.PRIVATE_KEY, server.clientPrivateKey("ecdsa"),
        StoreOptions.PASSPHRASE, "not it")))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
          assertThat(e.getMessage()).contains("privateKey").doesNotContain("PRIVATE KEY");
        });
  }

  @Test
  void sshdKilledMidReadIsAnIoError() throws Exception {
    try (Store store = Stores.open(source, options,
        Map.of(StoreOptions.PRIVATE_KEY, server.clientPrivateKey()));
        InputStream in = store.read("/big.bin", 0, BIG)) {
      in.readNBytes(256 * 1024);
      server.stop();
      long start = System.nanoTime();
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.IO));
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
  }
}
