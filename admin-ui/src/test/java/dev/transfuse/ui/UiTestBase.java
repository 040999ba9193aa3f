package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.service.TransfuseApplication;
import dev.transfuse.service.security.ApiToken;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port (one Spring context, shared by every UI test class), a real
 * S3Proxy store with sample files, and one headless Chromium per test class. After each test:
 * a screenshot in target/screenshots, no console errors beyond the HTTP errors the test caused
 * on purpose, and no mount left behind.
 */
@SpringBootTest(classes = TransfuseApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class UiTestBase {
  static final String BUCKET = "ui-samples";
  static final String README = "# transfuse\n\nA readme shown in the browser's preview.\n";
  static final int BIG_DIR_ENTRIES = 5000;
  static final Path SCREENSHOTS = Path.of(System.getProperty("transfuse.screenshots",
      "target/screenshots"));
  private static final Pattern FAILED_LOAD = Pattern.compile(
      "(\\S+) - Failed to load resource: the server responded with a status of (\\d+)");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final Path tmp = tempDir();
  static S3ProxyServer s3;
  static byte[] report = new byte[300 * 1024 + 17];
  static Browser browser;

  @Value("${local.server.port}") int port;
  String token;
  /** HTTP errors this test causes on purpose, as "status path-fragment". */
  final List<String> expectedHttpErrors = new ArrayList<>();
  private String testName;

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("transfuse.state-dir", () -> tmp.resolve("state").toString());
    r.add("transfuse.mount-roots", () -> tmp.resolve("mnt").toString());
    // the reconciler looks at mounts every second, so a dead one turns FAILED quickly
    r.add("transfuse.probe-interval", () -> "1s");
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("transfuse-ui-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    if (s3 == null) {
      s3 = S3ProxyServer.startInMemory();
      seed(s3);
      Runtime.getRuntime().addShutdownHook(new Thread(s3::close, "s3proxy-stop"));
    }
    browser = new Browser(tmp);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  private static void seed(S3ProxyServer s3) throws IOException {
    s3.createBucket(BUCKET);
    BlobStore b = s3.blobStore();
    put(b, "hello.txt", "hello from the browser test\n".getBytes(StandardCharsets.UTF_8));
    put(b, "docs/readme.md", README.getBytes(StandardCharsets.UTF_8));
    put(b, "docs/notes.txt", "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
    new Random(7).nextBytes(report);
    put(b, "docs/report.bin", report);
    put(b, "images/chart.png", png());
    for (int i = 1; i <= BIG_DIR_ENTRIES; i++) {
      put(b, "big/file-%04d.txt".formatted(i), ("entry " + i + "\n").getBytes(
          StandardCharsets.UTF_8));
    }
  }

  private static void put(BlobStore b, String key, byte[] data) {
    b.putBlob(BUCKET, b.blobBuilder(key).payload(data).contentLength(data.length).build());
  }

  private static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(0x0f766e));
    g.fillRect(0, 0, 160, 90);
    g.setColor(Color.WHITE);
    g.fillOval(50, 15, 60, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @BeforeEach
  void begin(TestInfo info) throws IOException {
    testName = getClass().getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName();
    token = ApiToken.load(tmp.resolve("state").resolve(ApiToken.FILE_NAME));
    browser.size(1280, 800);
    browser.driver.get(base());
    browser.js("sessionStorage.clear()");
    browser.consoleErrors(m -> true); // drop what earlier tests left in the log
  }

  @AfterEach
  void end() throws Exception {
    try {
      browser.screenshot(SCREENSHOTS.resolve(testName + ".png"));
      assertThat(browser.consoleErrors(this::expected)).as("browser console errors").isEmpty();
    } finally {
      removeAllMounts();
    }
  }

  /** A network error the test asked for, or kernel-stats not being there yet (issue 6). */
  private boolean expected(String message) {
    Matcher m = FAILED_LOAD.matcher(message);
    if (!m.find()) {
      return false;
    }
    String url = m.group(1);
    String status = m.group(2);
    if (status.equals("404") && url.contains("/kernel-stats")) {
      return true;
    }
    return expectedHttpErrors.stream().anyMatch(e -> {
      String[] parts = e.split(" ", 2);
      return parts[0].equals(status) && url.contains(parts[1]);
    });
  }

  void shot(String step) throws IOException {
    browser.screenshot(SCREENSHOTS.resolve(testName + "-" + step + ".png"));
  }

  String base() {
    return "http://127.0.0.1:" + port + "/";
  }

  Path mountPoint(String name) {
    return tmp.resolve("mnt").resolve(name);
  }

  void signIn() {
    browser.driver.get(base() + "#/");
    browser.visible("#token").sendKeys(token);
    browser.find("#signin-submit").click();
    browser.visible("#new-mount");
  }

  /** Creates an S3 mount of the sample bucket through the API (for tests about other things). */
  void createMount(String name) throws Exception {
    createMount(name, s3);
  }

  void createMount(String name, S3ProxyServer store) throws Exception {
    String body = """
        {"name": "%s", "source": "s3://%s", "mountPoint": "%s",
         "options": {"endpoint": "%s", "pathStyle": "true"},
         "credentials": {"accessKey": "%s", "secretKey": "%s"}}"""
        .formatted(name, BUCKET, mountPoint(name), store.endpoint(), S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY);
    HttpResponse<String> r = http("POST", "api/v1/mounts", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  HttpResponse<String> http(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void removeAllMounts() throws Exception {
    HttpResponse<String> list = http("GET", "api/v1/mounts", null);
    Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(list.body());
    while (m.find()) {
      http("DELETE", "api/v1/mounts/" + m.group(1) + "?force=true", null);
      assertThat(MountTable.at(mountPoint(m.group(1)))).as("left mounted").isEmpty();
    }
  }
}
