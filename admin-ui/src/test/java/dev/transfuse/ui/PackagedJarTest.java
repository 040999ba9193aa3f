package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users run (mount-service's transfuse-exec.jar) serves this module's assets at / without a
 * token, while /api stays behind it: the UI is not only on the test classpath.
 */
class PackagedJarTest {
  private static final Path SOURCES = Path.of("src/main/resources/static");

  @Test
  void theServiceJarServesTheUi(@TempDir Path tmp) throws Exception {
    Path jar = Path.of(System.getProperty("transfuse.service-jar",
        "../mount-service/target/transfuse-exec.jar"));
    assertThat(jar).isRegularFile();
    Path state = tmp.resolve("state");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process service = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve",
        "--state-dir", state.toString(), "--port", "0",
        "--mount-roots", tmp.resolve("mnt").toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("service.log").toFile()).start();
    try {
      Path urlFile = state.resolve("service.url");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(urlFile) && service.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(urlFile).as(Files.exists(tmp.resolve("service.log"))
          ? Files.readString(tmp.resolve("service.log")) : "no log").exists();
      URI base = URI.create(Files.readString(urlFile).trim() + "/");
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> index = get(http, base);
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("text/html"));
      assertThat(index.body()).as("the jar holds an older copy of the UI: rebuild mount-service")
          .isEqualTo(Files.readString(SOURCES.resolve("index.html")));

      HttpResponse<String> app = get(http, base.resolve("js/app.js"));
      assertThat(app.statusCode()).isEqualTo(200);
      assertThat(app.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).contains("javascript"));
      assertThat(app.body()).contains("import * as files from './views/files.js'");
      assertThat(get(http, base.resolve("css/app.css")).statusCode()).isEqualTo(200);
      assertThat(get(http, base.resolve("api/v1/mounts")).statusCode()).isEqualTo(401);
    } finally {
      service.destroy();
      if (!service.waitFor(30, TimeUnit.SECONDS)) {
        service.destroyForcibly().waitFor();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
