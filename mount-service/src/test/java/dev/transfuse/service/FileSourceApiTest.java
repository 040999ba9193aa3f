package dev.transfuse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API over a file:// store, in a service whose probe tool is missing: the kernel stats say
 * why and nothing else breaks; a symbolic link in the store cannot lead the API out of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FileSourceApiTest {
  static Path tmp;

  @Value("${local.server.port}") int port;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) throws Exception {
    tmp = Files.createTempDirectory("transfuse-kstats-missing");
    Files.createDirectories(tmp.resolve("data"));
    Files.writeString(tmp.resolve("data/f.txt"), "f");
    Files.createSymbolicLink(tmp.resolve("data/escape"), Path.of("/etc"));
    r.add("transfuse.state-dir", () -> tmp.resolve("state").toString());
    r.add("transfuse.mount-roots", () -> tmp.resolve("mnt").toString());
    r.add("transfuse.kernel-probe.bpftrace", () -> tmp.resolve("no-such-bpftrace").toString());
  }

  @Test
  void aMissingProbeToolIsReportedAndNothingElseBreaks() throws Exception {
    Api api = Api.of(port, tmp.resolve("state"));
    Path mp = tmp.resolve("mnt/u");
    assertThat(api.post("api/v1/mounts", """
        {"name": "u", "source": "%s", "mountPoint": "%s"}"""
        .formatted(tmp.resolve("data").toUri(), mp)).status()).isEqualTo(201);
    try {
      JsonNode k = api.get("api/v1/mounts/u/kernel-stats").json();
      assertThat(k.path("available").asBoolean()).isFalse();
      assertThat(k.path("reason").asText()).startsWith("unavailable:").contains("bpftrace");
      assertThat(Files.readString(mp.resolve("f.txt"))).isEqualTo("f");
      assertThat(api.get("api/v1/mounts/u/stats").status()).isEqualTo(200);
      long deadline = System.nanoTime() + 15_000_000_000L;
      String metrics = api.get("actuator/prometheus").body();
      while (!metrics.contains("transfuse_kernel_probe_available{mount=\"u\"}")
          && System.nanoTime() < deadline) {
        Thread.sleep(500);
        metrics = api.get("actuator/prometheus").body();
      }
      assertThat(metrics).contains("transfuse_kernel_probe_available{mount=\"u\"} 0.0");
    } finally {
      api.delete("api/v1/mounts/u");
    }
  }

  @Test
  void aSymbolicLinkCannotLeadTheApiOutOfTheStore() throws Exception {
    Api api = Api.of(port, tmp.resolve("state"));
    assertThat(api.post("api/v1/mounts", """
        {"name": "s", "source": "%s", "mountPoint": "%s"}"""
        .formatted(tmp.resolve("data").toUri(), tmp.resolve("mnt/s"))).status()).isEqualTo(201);
    try {
      MountApiTest.assertProblem(api.get("api/v1/mounts/s/files?path=/escape"), 400,
          "invalid-path");
      MountApiTest.assertProblem(api.get("api/v1/mounts/s/content?path=/escape/hostname"), 400,
          "invalid-path");
      assertThat(api.get("api/v1/mounts/s/content?path=/f.txt").body()).isEqualTo("f");
    } finally {
      api.delete("api/v1/mounts/s");
    }
  }
}
