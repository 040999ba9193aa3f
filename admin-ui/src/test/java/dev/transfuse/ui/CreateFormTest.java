package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.translators.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The create form: one set of fields per store type, and the service's errors beside them. */
class CreateFormTest extends UiTestBase {

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
    storeType("http");
    browser.visible("#f-http-url").sendKeys("ftp://example.invalid/");
    browser.find("#create-submit").click();
    browser.textIn("#f-source-error", "unknown source type");

    assertThat(http("GET", "api/v1/mounts", null).body()).isEqualTo("[]");
    assertThat(mountPoint("bad")).doesNotExist();
  }

  @Test
  void eachStoreTypeHasItsFieldsAndBuildsItsSource() throws Exception {
    signIn();
    browser.find("#new-mount").click();
    browser.visible("#f-s3-bucket").sendKeys("photos");
    browser.find("#f-s3-prefix").sendKeys("/2024/summer/");
    assertThat(browser.find("#source-preview").getText()).isEqualTo("s3://photos/2024/summer");

    storeType("sftp");
    assertThat(browser.find("#f-s3-bucket").isDisplayed()).isFalse();
    browser.visible("#f-sftp-host").sendKeys("files.example.com");
    browser.find("#f-sftp-port").sendKeys("2222");
    browser.find("#f-sftp-user").sendKeys("deploy");
    browser.find("#f-sftp-path").sendKeys("srv/data");
    assertThat(browser.find("#source-preview").getText())
        .isEqualTo("sftp://deploy@files.example.com:2222/srv/data");
    assertThat(browser.find("#f-options-hostKeyPolicy").getText()).contains("accept-new");
    assertThat(browser.find("#f-credentials-privateKey").isDisplayed()).isTrue();
    assertThat(browser.find("#f-credentials-password").getAttribute("type"))
        .isEqualTo("password");
    shot("sftp");

    storeType("http");
    browser.visible("#f-http-url").sendKeys("https://downloads.example.com/pub/");
    assertThat(browser.find("#source-preview").getText())
        .isEqualTo("https://downloads.example.com/pub/");

    storeType("file");
    browser.visible("#f-file-path").sendKeys("/srv/exports");
    assertThat(browser.find("#source-preview").getText()).isEqualTo("file:///srv/exports");

    // the cache options show their defaults
    browser.find("#cache-options summary").click();
    assertThat(browser.visible("#f-options-metadataTtl").getAttribute("placeholder"))
        .isEqualTo("60s");
    assertThat(browser.find("#f-options-cacheMaxBytes").getAttribute("placeholder"))
        .isEqualTo("4GiB");
    assertThat(browser.find("#f-options-fileMode").getAttribute("placeholder"))
        .isEqualTo("0644");
    shot("options");
  }

  private void storeType(String type) {
    WebElement radio = browser.find("#type-" + type);
    radio.findElement(By.xpath("..")).click();
    assertThat(radio.isSelected()).isTrue();
  }
}
