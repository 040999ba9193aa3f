package dev.transfuse.translators.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FixtureTree;
import dev.transfuse.translators.testing.S3ProxyServer;
import dev.transfuse.translators.testing.TcpRelay;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S3 under bad conditions: wrong keys, missing bucket, a server that dies or hangs mid-read. */
@Timeout(60)
class S3FailureTest {
  private static final int BIG = 24 * 1024 * 1024;
  private static S3ProxyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.startInMemory();
    server.createBucket("fail");
    FixtureTree.into(server.blobStore(), "fail", "").file("/big.bin", FixtureTree.bytes(BIG, 5));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Map<String, String> options(int port, String readTimeout) {
    Map<String, String> o = new HashMap<>();
    o.put(StoreOptions.ENDPOINT, "http://127.0.0.1:" + port);
    o.put(StoreOptions.READ_TIMEOUT, readTimeout);
    o.put(StoreOptions.CONNECT_TIMEOUT, "2s");
    return o;
  }

  @Test
  void wrongSecretIsAccessDeniedAndTheSecretIsNotInTheMessage() {
    Map<String, String> creds = Map.of(StoreOptions.ACCESS_KEY, S3ProxyServer.ACCESS_KEY,
        StoreOptions.SECRET_KEY, "wrong-secret-value");
    assertThatThrownBy(() -> Stores.open(URI.create("s3://fail"), server.options(), creds))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.ACCESS_DENIED);
          assertThat(e.getMessage()).contains("s3://fail").doesNotContain("wrong-secret-value");
        });
  }

  @Test
  void missingBucketIsNotFound() {
    assertThatThrownBy(() -> Stores.open(URI.create("s3://no-such-bucket"), server.options(),
        server.credentials()))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
  }

  @Test
  void refusedConnectionIsUnavailableWithTheStoreInTheMessage() throws Exception {
    int dead = dev.transfuse.translators.testing.FreePort.pick();
    long start = System.nanoTime();
    assertThatThrownBy(() -> Stores.open(URI.create("s3://fail"), options(dead, "2s"),
        server.credentials()))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
          assertThat(e.getMessage()).contains("s3://fail");
        });
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
  }

  @Test
  void connectionCutMidReadIsAnIoError() throws Exception {
    try (TcpRelay relay = TcpRelay.start(server.port());
        Store store = Stores.open(URI.create("s3://fail"), options(relay.port(), "3s"),
            server.credentials());
        InputStream in = store.read("/big.bin", 0, BIG)) {
      in.readNBytes(1024 * 1024);
      relay.cut();
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.IO);
            assertThat(e.getMessage()).contains("s3://fail", "/big.bin");
          });
    }
  }

  @Test
  void serverThatStopsAnsweringMidReadFailsWithinTheReadTimeout() throws Exception {
    try (TcpRelay relay = TcpRelay.start(server.port());
        Store store = Stores.open(URI.create("s3://fail"), options(relay.port(), "1s"),
            server.credentials());
        InputStream in = store.read("/big.bin", 0, BIG)) {
      in.readNBytes(1024 * 1024);
      relay.freeze();
      long start = System.nanoTime();
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(StoreException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.IO));
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
  }
}
