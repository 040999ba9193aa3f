package dev.transfuse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.translators.testing.S3ProxyServer;
import dev.transfuse.translators.testing.TcpRelay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The REST API end to end: the service on a random port, a real S3Proxy store, real FUSE mounts,
 * and a real HTTP client. Every error is checked for its status and problem+json body, and for
 * leaving nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class MountApiTest {
  static Path tmp;
  static S3ProxyServer s3;
  static byte[] big = new byte[5 << 20];

  @Value("${local.server.port}") int port;
  Api api;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) throws Exception {
    tmp = Files.createTempDirectory("transfuse-api-test");
    r.add("transfuse.state-dir", () -> tmp.resolve("state").toString());
    r.add("transfuse.mount-roots", () -> tmp.resolve("mnt").toString());
    r.add("transfuse.probe-interval", () -> "1s");
  }

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.startInMemory();
    s3.createBucket("api");
    BlobStore b = s3.blobStore();
    b.putBlob("api", b.blobBuilder("hello.txt").payload("hello api\n".getBytes()).build());
    new Random(5).nextBytes(big);
    b.putBlob("api", b.blobBuilder("dir/big.bin").payload(big).build());
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @BeforeEach
  void client() throws Exception {
    api = Api.of(port, tmp.resolve("state"));
  }

  String s3Body(String name, String mountPoint, String secret) {
    return """
        {"name": "%s", "source": "s3://api", "mountPoint": "%s",
         "options": {"endpoint": "%s", "pathStyle": "true"},
         "credentials": {"accessKey": "%s", "secretKey": "%s"}}
        """.formatted(name, mountPoint, s3.endpoint(), S3ProxyServer.ACCESS_KEY, secret);
  }

  @Test
  void createReadListDownloadAndDeleteAnS3Mount() throws Exception {
    Path mp = tmp.resolve("mnt/s3");
    Api.Response created = api.post("api/v1/mounts", s3Body("s3", mp.toString(),
        S3ProxyServer.SECRET_KEY));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/mounts/s3");
    assertThat(created.json().path("state").asText()).isEqualTo("MOUNTED");
    assertThat(created.body()).doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain("credentials");

    // through the mountpoint
    assertThat(Files.readString(mp.resolve("hello.txt"))).isEqualTo("hello api\n");
    assertThat(Files.readAllBytes(mp.resolve("dir/big.bin"))).isEqualTo(big);

    // through the API
    Api.Response files = api.get("api/v1/mounts/s3/files?path=/");
    assertThat(files.status()).isEqualTo(200);
    assertThat(files.body()).contains("\"hello.txt\"").contains("\"directory\"");
    Api.Response content = api.get("api/v1/mounts/s3/content?path=/dir/big.bin");
    assertThat(content.status()).isEqualTo(200);
    assertThat(content.raw().body()).isEqualTo(big);
    Api.Response range = api.get("api/v1/mounts/s3/content?path=/dir/big.bin",
        "Range", "bytes=1000-1999");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.raw().body()).isEqualTo(java.util.Arrays.copyOfRange(big, 1000, 2000));
    assertThat(range.raw().headers().firstValue("Content-Range"))
        .hasValue("bytes 1000-1999/" + big.length);
    Api.Response stats = api.get("api/v1/mounts/s3/stats");
    assertThat(stats.json().path("daemonRequests").path("LOOKUP").asLong()).isPositive();
    assertThat(stats.json().path("cache").path("bytesFetched").asLong())
        .isGreaterThanOrEqualTo(big.length);
    assertThat(api.post("api/v1/mounts/s3/invalidate?path=/dir", null).status()).isEqualTo(200);
    assertThat(api.get("api/v1/mounts").json().size()).isEqualTo(1);
    assertThat(api.get("actuator/health").body()).contains("\"s3\"");
    assertThat(api.get("v3/api-docs").body()).contains("/api/v1/mounts/{name}/content");
    long deadline = System.nanoTime() + 15_000_000_000L;
    String metrics = api.get("actuator/prometheus").body();
    while (!metrics.contains("transfuse_daemon_requests{mount=\"s3\"")
        && System.nanoTime() < deadline) {
      Thread.sleep(500); // refreshed every 5 s
      metrics = api.get("actuator/prometheus").body();
    }
    assertThat(metrics).contains("transfuse_daemon_requests{mount=\"s3\",opcode=\"LOOKUP\"}")
        .contains("transfuse_store_bytes").contains("transfuse_cache_hits");

    assertThat(tmp.resolve("state/cache/s3")).exists();
    assertThat(api.delete("api/v1/mounts/s3").status()).isEqualTo(204);
    assertThat(MountTable.at(mp)).isEmpty();
    assertThat(tmp.resolve("state/cache/s3")).as("the cache goes with the mount").doesNotExist();
    try (Stream<Path> s = Files.list(mp)) {
      assertThat(s).isEmpty();
    }
    assertThat(api.get("api/v1/mounts/s3").status()).isEqualTo(404);
  }

  @Test
  void aMountThatDiesIsFoundAndMountedAgain() throws Exception {
    Path mp = tmp.resolve("mnt/phoenix");
    assertThat(api.post("api/v1/mounts", s3Body("phoenix", mp.toString(),
        S3ProxyServer.SECRET_KEY)).status()).isEqualTo(201);
    try {
      assertThat(Files.readString(mp.resolve("hello.txt"))).isEqualTo("hello api\n");
      // someone unmounts it behind the service's back
      assertThat(new ProcessBuilder("umount", "-l", mp.toString()).start().waitFor()).isZero();
      long deadline = System.nanoTime() + 30_000_000_000L;
      var view = api.get("api/v1/mounts/phoenix").json();
      while (view.path("restarts").asInt() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        view = api.get("api/v1/mounts/phoenix").json();
      }
      assertThat(view.path("restarts").asInt()).isEqualTo(1);
      assertThat(view.path("lastError").asText()).contains("connection ended");
      while (!view.path("state").asText().equals("MOUNTED") && System.nanoTime() < deadline) {
        Thread.sleep(200);
        view = api.get("api/v1/mounts/phoenix").json();
      }
      assertThat(view.path("state").asText()).isEqualTo("MOUNTED");
      assertThat(Files.readString(mp.resolve("hello.txt"))).isEqualTo("hello api\n");
    } finally {
      api.delete("api/v1/mounts/phoenix?force=true");
    }
  }

  @Test
  void aMountThatHangsIsFoundUnmountedAndMountedAgain() throws Exception {
    Path mp = tmp.resolve("mnt/hung");
    try (TcpRelay relay = TcpRelay.start(s3.port())) {
      String body = s3Body("hung", mp.toString(), S3ProxyServer.SECRET_KEY)
          .replace(s3.endpoint().toString(), "http://127.0.0.1:" + relay.port())
          .replace("\"pathStyle\": \"true\"", "\"pathStyle\": \"true\", \"readTimeout\": \"30s\"");
      assertThat(api.post("api/v1/mounts", body).status()).isEqualTo(201);
      // More stalled readers than the daemon will ever have workers (8, growing to 32).
      int stalled = 40;
      ExecutorService readers = Executors.newFixedThreadPool(stalled);
      try {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < stalled; i++) {
          String key = "hang/f%02d".formatted(i);
          s3.blobStore().putBlob("api", s3.blobStore().blobBuilder(key)
              .payload(new byte[64 * 1024]).build());
          files.add(mp.resolve(key));
        }
        for (Path f : files) {
          assertThat(Files.size(f)).isEqualTo(64 * 1024); // metadata cached; data not yet
        }
        relay.freeze();
        // A reader per file, each waiting on the frozen store: no worker is left to answer the
        // reconciler's statfs. (Readers of one file would wait on the kernel's page locks
        // behind a single READ instead.)
        List<Future<String>> reads = new ArrayList<>();
        for (Path f : files) {
          reads.add(readers.submit(() -> {
            try {
              return "read " + Files.readAllBytes(f).length;
            } catch (IOException e) {
              return "failed: " + e;
            }
          }));
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        var view = api.get("api/v1/mounts/hung").json();
        while (view.path("restarts").asInt() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(200);
          view = api.get("api/v1/mounts/hung").json();
        }
        assertThat(view.path("restarts").asInt()).isEqualTo(1);
        assertThat(view.path("lastError").asText()).contains("statfs did not answer")
            .contains("hung");
        // Unmounting the hung mount answered every caller stuck in it.
        for (Future<String> r : reads) {
          assertThat(r.get(30, TimeUnit.SECONDS)).startsWith("failed");
        }
        relay.thaw();
        while (!view.path("state").asText().equals("MOUNTED") && System.nanoTime() < deadline) {
          Thread.sleep(200);
          view = api.get("api/v1/mounts/hung").json();
        }
        assertThat(view.path("state").asText()).isEqualTo("MOUNTED");
        assertThat(Files.readAllBytes(mp.resolve("dir/big.bin"))).isEqualTo(big);
      } finally {
        relay.thaw();
        readers.shutdownNow();
        api.delete("api/v1/mounts/hung?force=true");
      }
    }
  }

  @Test
  void aBusyMountIsNotRemovedUnlessForced() throws Exception {
    Path mp = tmp.resolve("mnt/busy");
    assertThat(api.post("api/v1/mounts", s3Body("busy", mp.toString(),
        S3ProxyServer.SECRET_KEY)).status()).isEqualTo(201);
    Process holder = new ProcessBuilder("sleep", "60").directory(mp.toFile()).start();
    try {
      Api.Response refused = api.delete("api/v1/mounts/busy");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.contentType()).contains("application/problem+json");
      assertThat(refused.json().path("detail").asText()).contains("pid " + holder.pid())
          .contains("sleep");
      assertThat(MountTable.at(mp)).isPresent();
      assertThat(api.delete("api/v1/mounts/busy?force=true").status()).isEqualTo(204);
      assertThat(MountTable.at(mp)).isEmpty();
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void badRequestsAreProblemsAndLeaveNothingBehind(
      org.springframework.boot.test.system.CapturedOutput output) throws Exception {
    assertProblem(api.post("api/v1/mounts", "{not json"), 400, "invalid-request");
    assertProblem(api.post("api/v1/mounts", """
        {"name": "x", "source": "ftp://host/", "mountPoint": "%s"}"""
        .formatted(tmp.resolve("mnt/x"))), 400, "invalid-source");
    assertProblem(api.post("api/v1/mounts", s3Body("rel", "relative/dir",
        S3ProxyServer.SECRET_KEY)), 400, "invalid-mount-point");
    assertProblem(api.post("api/v1/mounts", s3Body("outside", "/tmp/not-allowed-root",
        S3ProxyServer.SECRET_KEY)), 400, "invalid-mount-point");
    assertProblem(api.post("api/v1/mounts", s3Body("bad name!", tmp.resolve("mnt/n")
        .toString(), S3ProxyServer.SECRET_KEY)), 400, "invalid-request");
    assertProblem(api.post("api/v1/mounts", """
        {"name": "opt", "source": "s3://api", "mountPoint": "%s",
         "options": {"endpoint": "%s", "kernelTtl": "soon"}}"""
        .formatted(tmp.resolve("mnt/opt"), s3.endpoint())), 400, "invalid-option");
    Api.Response refused = api.post("api/v1/mounts", s3Body("wrongkey",
        tmp.resolve("mnt/wrongkey").toString(), "not-the-secret"));
    assertProblem(refused, 502, "store-refused");
    assertThat(refused.body()).doesNotContain("not-the-secret");
    int dead = dev.transfuse.translators.testing.FreePort.pick();
    assertProblem(api.post("api/v1/mounts", """
        {"name": "dead", "source": "s3://api", "mountPoint": "%s",
         "options": {"endpoint": "http://127.0.0.1:%d", "connectTimeout": "2s"},
         "credentials": {"accessKey": "a", "secretKey": "b"}}"""
        .formatted(tmp.resolve("mnt/dead"), dead)), 502, "store-unreachable");
    Api.Response unauthorized = api.withoutToken("api/v1/mounts");
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.contentType()).contains("application/problem+json");
    assertProblem(api.get("api/v1/mounts/none"), 404, "mount-not-found");

    // nothing half-created: no mounts, no definitions, no directories
    assertThat(api.get("api/v1/mounts").json().size()).isZero();
    for (String n : new String[] {"x", "n", "opt", "wrongkey", "dead"}) {
      assertThat(tmp.resolve("mnt/" + n)).doesNotExist();
    }

    Path mp = tmp.resolve("mnt/dup");
    assertThat(api.post("api/v1/mounts", s3Body("dup", mp.toString(), S3ProxyServer.SECRET_KEY))
        .status()).isEqualTo(201);
    try {
      assertProblem(api.post("api/v1/mounts", s3Body("dup", tmp.resolve("mnt/dup2").toString(),
          S3ProxyServer.SECRET_KEY)), 409, "name-in-use");
      assertProblem(api.post("api/v1/mounts", s3Body("dup3", mp.toString(),
          S3ProxyServer.SECRET_KEY)), 409, "mount-point-in-use");
      assertProblem(api.get("api/v1/mounts/dup/files?path=/../../etc"), 400, "invalid-path");
      assertProblem(api.get("api/v1/mounts/dup/content?path=/dir/..%2F..%2Fetc%2Fpasswd"), 400,
          "invalid-path");
      assertProblem(api.get("api/v1/mounts/dup/content?path=/missing"), 404, "file-not-found");
      assertThat(tmp.resolve("mnt/dup2")).doesNotExist();
    } finally {
      api.delete("api/v1/mounts/dup");
    }
    assertThat(output.getAll()).as("credentials never logged").doesNotContain("not-the-secret")
        .doesNotContain(S3ProxyServer.SECRET_KEY);
    assertThat(Files.readString(tmp.resolve("state/db/transfuse.mv.db"),
        java.nio.charset.StandardCharsets.ISO_8859_1)).as("credentials encrypted at rest")
        .doesNotContain(S3ProxyServer.SECRET_KEY);
  }

  static void assertProblem(Api.Response r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.json().path("type").asText()).isEqualTo("https://transfuse.dev/problems/" + type);
    assertThat(r.json().path("detail").asText()).isNotBlank();
  }
}
