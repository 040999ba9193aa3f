package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** What a person does most: sign in, mount a bucket, look around in it, and unmount it. */
class MountJourneyTest extends UiTestBase {

  @Test
  void signInCreateBrowsePreviewDownloadAndUnmount() throws Exception {
    browser.driver.get(base());
    browser.visible("#signin-form");
    shot("1-sign-in");
    browser.find("#token").sendKeys(token);
    browser.find("#signin-submit").click();
    browser.visible("#mounts-empty");
    assertThat(browser.js("return sessionStorage.getItem('transfuse.token')")).isEqualTo(token);

    // create through the form; the page is never reloaded
    browser.js("window.__samePage = true");
    browser.find("#new-mount").click();
    Path mp = mountPoint("samples");
    fillS3Form("samples", mp);
    shot("2-create-form");
    browser.find("#create-submit").click();
    WebElement badge = browser.visible("tr[data-mount='samples'] .badge");
    browser.until(d -> badge.getAttribute("data-state").equals("MOUNTED"));
    assertThat(browser.js("return window.__samePage === true")).isEqualTo(true);
    assertThat(MountTable.at(mp)).isPresent();
    String row = browser.find("tr[data-mount='samples']").getText();
    assertThat(row).contains("s3://" + BUCKET).contains(mp.toString())
        .doesNotContain(S3ProxyServer.SECRET_KEY);
    shot("3-overview");

    // browse: folders first, then into docs/
    browser.find("tr[data-mount='samples'] [data-action='browse']").click();
    browser.visible("#files-body tr[data-name='docs']");
    List<String> types = browser.all("#files-body tr").stream()
        .map(r -> r.getAttribute("data-type")).toList();
    assertThat(types).containsExactly("directory", "directory", "directory", "file");
    browser.find("#files-body tr[data-name='docs'] a").click();
    browser.visible("#files-body tr[data-name='readme.md']");
    assertThat(browser.find("#crumbs").getText()).contains("samples").contains("docs");
    assertThat(browser.find("#files-body tr[data-name='report.bin'] td.num").getText())
        .isEqualTo("300 KiB");

    // sort by size, largest first
    browser.find("[data-sort='size']").click();
    assertThat(browser.find("th[aria-sort='descending'] [data-sort='size']")).isNotNull();
    assertThat(browser.all("#files-body tr").get(0).getAttribute("data-name"))
        .isEqualTo("report.bin");
    shot("4-files");

    // preview a text file
    browser.find("#files-body tr[data-name='readme.md'] [data-preview]").click();
    browser.textIn("#preview-text", "A readme shown in the browser's preview.");
    shot("5-preview-text");
    browser.find("#preview-close").click();
    browser.gone("#preview");

    // download a file and compare its bytes
    browser.find("#files-body tr[data-name='report.bin'] [data-action='download']").click();
    File downloaded = browser.until(d -> browser.finishedDownloads().stream()
        .filter(f -> f.getName().equals("report.bin") && f.length() == report.length)
        .findFirst().orElse(null));
    assertThat(Files.readAllBytes(downloaded.toPath())).isEqualTo(report);

    // an image preview, reached through the breadcrumbs
    browser.find("#crumbs a").click();
    browser.visible("#files-body tr[data-name='images'] a").click();
    browser.visible("#files-body tr[data-name='chart.png'] [data-action='preview']").click();
    browser.until(d -> ((Number) browser.js("const i = document.getElementById('preview-image');"
        + " return i && i.complete ? i.naturalWidth : 0")).intValue() == 160);
    shot("6-preview-image");
    browser.find("#preview-close").click();

    // statistics: charts that fill in as polls arrive
    browser.driver.get(base() + "#/mounts/samples/stats");
    browser.until(d -> Integer.parseInt(browser.visible("#chart-requests svg")
        .getAttribute("data-points")) >= 2);
    assertThat(browser.find("#kpis").getText()).containsIgnoringCase("Read from store").contains("KiB");
    assertThat(browser.all("#chart-tiers svg rect").size()).isEqualTo(8);
    // reading through the mountpoint reaches the daemon: the numbers and the chart move
    String requestsBefore = browser.find("#kpi-requests .value").getText();
    int pointsBefore = Integer.parseInt(browser.find("#chart-requests svg")
        .getAttribute("data-points"));
    assertThat(Files.readString(mp.resolve("hello.txt"))).startsWith("hello from");
    browser.until(d -> !browser.find("#kpi-requests .value").getText().equals(requestsBefore));
    assertThat(Integer.parseInt(browser.find("#chart-requests svg").getAttribute("data-points")))
        .isGreaterThan(pointsBefore);
    String kernel = browser.find("#kpi-kernel").getText();
    // the eBPF probe's numbers where it runs, else the reason it does not
    assertThat(kernel).containsAnyOf("calls", "unavailable");
    shot("7-stats");
    browser.size(1280, 1500); // the whole page, for a reviewer
    shot("7-stats-full");
    browser.size(1280, 800);

    // back on the overview, the browsing shows in the cache hit ratio
    browser.find("[data-nav='mounts']").click();
    browser.textIn("tr[data-mount='samples'] td[data-label='Cache hits']", "%");
    shot("8-overview-after-browsing");

    // unmount, with a confirmation
    browser.visible("tr[data-mount='samples'] [data-action='unmount']").click();
    browser.visible("#unmount-dialog");
    shot("9-confirm-unmount");
    browser.find("#unmount-confirm").click();
    browser.gone("tr[data-mount='samples']");
    browser.visible("#mounts-empty");
    assertThat(MountTable.at(mp)).isEmpty();
    assertThat(http("GET", "api/v1/mounts/samples", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theOverviewRefreshesItself() throws Exception {
    signIn();
    browser.visible("#mounts-empty");
    createMount("elsewhere"); // by someone else: the CLI, another tab
    WebElement badge = browser.visible("tr[data-mount='elsewhere'] .badge");
    assertThat(badge.getAttribute("data-state")).isEqualTo("MOUNTED");
    assertThat(browser.find("#summary").getText()).contains("1\nmounted");
    assertThat(http("DELETE", "api/v1/mounts/elsewhere", null).statusCode()).isEqualTo(204);
    browser.gone("tr[data-mount='elsewhere']");
    browser.visible("#mounts-empty");
  }

  private void fillS3Form(String name, Path mp) {
    browser.visible("#create-form");
    browser.find("#f-s3-bucket").sendKeys(BUCKET);
    browser.find("#f-options-endpoint").sendKeys(s3.endpoint().toString());
    browser.find("#f-credentials-accessKey").sendKeys(S3ProxyServer.ACCESS_KEY);
    browser.find("#f-credentials-secretKey").sendKeys(S3ProxyServer.SECRET_KEY);
    browser.find("#f-options-pathStyle").click();
    browser.find("#f-name").sendKeys(name);
    browser.find("#f-mountPoint").sendKeys(mp.toString());
    assertThat(browser.find("#source-preview").getText()).isEqualTo("s3://" + BUCKET);
  }
}
