package dev.transfuse.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver: a fresh profile, downloads into
 * a directory of ours, and the console log kept so tests can assert there were no errors.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  final Path downloads;
  private final Path profile;
  private final List<String> console = new ArrayList<>();

  Browser(Path work) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("the UI tests need Debian's chromium and chromium-driver"
          + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    }
    profile = Files.createTempDirectory(work, "chromium-profile");
    downloads = Files.createTempDirectory(work, "downloads");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,800");
    o.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toString(),
        "download.prompt_for_download", false,
        "download.directory_upgrade", true,
        "safebrowsing.enabled", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, o);
    // headless Chromium ignores the download prefs unless told through DevTools
    driver.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    size(1280, 800);
  }

  /** Sets the viewport (not the window) to exactly width × height CSS pixels. */
  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    long innerW = ((Number) js("return window.innerWidth")).longValue();
    long innerH = ((Number) js("return window.innerHeight")).longValue();
    if (innerW != width || innerH != height) {
      driver.manage().window().setSize(new Dimension(width + (int) (width - innerW),
          height + (int) (height - innerH)));
    }
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until css matches a displayed element, then returns it. */
  WebElement visible(String css) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void gone(String css) {
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
  }

  <T> T until(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
    return waiting().until(condition::apply);
  }

  void textIn(String css, String text) {
    until(d -> {
      List<WebElement> es = d.findElements(By.cssSelector(css));
      return !es.isEmpty() && es.get(0).getText().contains(text);
    });
  }

  private WebDriverWait waiting() {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(20));
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Console entries at SEVERE since the last call, less those {@code expected} accepts. */
  List<String> consoleErrors(Predicate<String> expected) {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      console.add(e.getLevel() + " " + e.getMessage());
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !expected.test(e.getMessage())) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  /** Files in the download directory that Chromium has finished writing. */
  List<File> finishedDownloads() {
    File[] fs = downloads.toFile().listFiles((d, n) -> !n.endsWith(".crdownload")
        && !n.startsWith("."));
    return fs == null ? List.of() : List.of(fs);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
