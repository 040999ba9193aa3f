package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** What goes wrong is said where it happened: a wrong token, a bad field, a busy mount. */
class ErrorPathsTest extends UiTestBase {

  @Test
  void aWrongTokenIsRefusedAndNothingIsKept() {
    expectedHttpErrors.add("401 /api/v1/mounts");
    browser.driver.get(base());
    browser.visible("#token").sendKeys("not-the-token");
    browser.find("#signin-submit").click();
    browser.textIn("#signin-error", "That token was not accepted");
    assertThat(browser.js("return sessionStorage.getItem('transfuse.token')")).isNull();
    assertThat(browser.all("#mounts-table")).isEmpty();
    assertThat(browser.find("#topnav").isDisplayed()).isFalse();
  }

  @Test
  void signingOutForgetsTheToken() {
    signIn();
    browser.find("#sign-out").click();
    browser.visible("#signin-form");
    assertThat(browser.js("return sessionStorage.getItem('transfuse.token')")).isNull();
    browser.driver.navigate().refresh();
    browser.visible("#signin-form");
  }

  @Test
  void serverSideValidationErrorsAppearBesideTheirFields() throws Exception {
    expectedHttpErrors.add("400 /api/v1/mounts");
    signIn();
    browser.find("#new-mount").click();
    browser.visible("#f-s3-bucket").sendKeys(BUCKET);
    browser.find("#f-options-endpoint").sendKeys(s3.endpoint().toString());
    browser.find("#f-options-pathStyle").click();
    browser.find("#f-credentials-accessKey").sendKeys(S3ProxyServer.ACCESS_KEY);
    browser.find("#f-credentials-secretKey").sendKeys(S3ProxyServer.SECRET_KEY);
    browser.find("#f-name").sendKeys("bad name!");
    browser.find("#f-mountPoint").sendKeys(mountPoint("bad").toString());
    browser.find("#create-submit").click();

    WebElement nameError = browser.visible("#f-name-error");
    assertThat(nameError.getText()).contains("name must be");
    assertThat(browser.find("[data-field='name']").getAttribute("class")).contains("invalid");
    assertThat(browser.find("#f-name").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("f-name");
    assertThat(browser.find("#form-error").getText()).contains("Invalid request");
    shot("name");

    // fixed name, bad option: the message moves to the option (inside the opened options)
    browser.find("#f-name").clear();
    browser.find("#f-name").sendKeys("fine");
    browser.find("#cache-options summary").click();
    browser.visible("#f-options-kernelTtl").sendKeys("soon");
    browser.find("#create-submit").click();
    browser.textIn("#f-options-kernelTtl-error", "kernelTtl must be a duration");
    assertThat(browser.find("#f-name-error").isDisplayed()).isFalse();
    shot("option");

    // a source that is not one
    browser.find("#f-options-kernelTtl").clear();
    browser.find("#type-http").findElement(org.openqa.selenium.By.xpath("..")).click();
    browser.visible("#f-http-url").sendKeys("ftp://example.invalid/");
    browser.find("#create-submit").click();
    browser.textIn("#f-source-error", "unknown source type");

    assertThat(http("GET", "api/v1/mounts", null).body()).isEqualTo("[]");
    assertThat(mountPoint("bad")).doesNotExist();
  }

  @Test
  void aBusyMountSaysWhoHoldsItAndCanBeForced() throws Exception {
    expectedHttpErrors.add("409 /api/v1/mounts/busy");
    createMount("busy");
    Path mp = mountPoint("busy");
    Process holder = new ProcessBuilder("sleep", "120").directory(mp.toFile()).start();
    try {
      signIn();
      browser.visible("tr[data-mount='busy'] [data-action='unmount']").click();
      browser.visible("#unmount-confirm").click();
      WebElement busy = browser.visible("#unmount-busy");
      assertThat(busy.getText()).contains("The mount is busy").contains("in use by")
          .contains("pid " + holder.pid()).contains("sleep");
      assertThat(MountTable.at(mp)).isPresent();
      shot("busy");

      browser.find("#unmount-force").click();
      browser.gone("#unmount-dialog");
      browser.gone("tr[data-mount='busy']");
      assertThat(MountTable.at(mp)).isEmpty();
    } finally {
      holder.destroyForcibly().waitFor();
    }
  }
}
