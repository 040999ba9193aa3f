package dev.transfuse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** GET /kernel-stats on a real mount with the real eBPF probe: what the kernel served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KernelStatsApiTest {
  static Path tmp;

  @Value("${local.server.port}") int port;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) throws Exception {
    tmp = Files.createTempDirectory("transfuse-kstats-test");
    Files.createDirectories(tmp.resolve("data"));
    Files.writeString(tmp.resolve("data/hot.txt"), "hot");
    r.add("transfuse.state-dir", () -> tmp.resolve("state").toString());
    r.add("transfuse.mount-roots", () -> tmp.resolve("mnt").toString());
  }

  @Test
  void hotStatsShowAsKernelServedInTheApi() throws Exception {
    Api api = Api.of(port, tmp.resolve("state"));
    Path mp = tmp.resolve("mnt/k");
    assertThat(api.post("api/v1/mounts", """
        {"name": "k", "source": "%s", "mountPoint": "%s"}"""
        .formatted(tmp.resolve("data").toUri(), mp)).status()).isEqualTo(201);
    try {
      JsonNode k = api.get("api/v1/mounts/k/kernel-stats").json();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!k.path("available").asBoolean() && System.nanoTime() < deadline) {
        Thread.sleep(250); // bpftrace compiles and attaches in a few seconds
        k = api.get("api/v1/mounts/k/kernel-stats").json();
      }
      assertThat(k.path("available").asBoolean()).as(k.toString()).isTrue();
      Path hot = mp.resolve("hot.txt");
      Files.readAttributes(hot, BasicFileAttributes.class); // warm-up
      // The load comes from another process, as an application's would.
      Process load = new ProcessBuilder("python3", "-c",
          "import os,sys\nfor _ in range(10000): os.stat(sys.argv[1])", hot.toString())
          .inheritIO().start();
      assertThat(load.waitFor()).isZero();
      // The probe reports once a second; under load a tick can come late: wait for the one
      // that covers the loop (bounded), then judge it.
      long until = System.nanoTime() + 30_000_000_000L;
      k = api.get("api/v1/mounts/k/kernel-stats").json();
      while (k.path("sinceMount").path("stat").path("calls").asLong() < 10_000
          && System.nanoTime() < until) {
        Thread.sleep(250);
        k = api.get("api/v1/mounts/k/kernel-stats").json();
      }
      JsonNode stat = k.path("sinceMount").path("stat");
      assertThat(stat.path("calls").asLong()).as(k.toString()).isGreaterThanOrEqualTo(10_000);
      assertThat(stat.path("kernelServedShare").asDouble()).as(k.toString())
          .isGreaterThanOrEqualTo(0.99);
      assertThat(k.path("last10s").isObject()).isTrue();
    } finally {
      api.delete("api/v1/mounts/k?force=true");
    }
  }
}
