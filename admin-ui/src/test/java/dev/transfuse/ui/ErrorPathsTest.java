package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.service.security.ApiToken;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * What goes wrong is said where it happened: a wrong or rotated token, a failed mount, a busy
 * mount.
 */
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
  void aRotatedTokenSendsYouBackToSignIn() throws Exception {
    expectedHttpErrors.add("401 /api/v1/");
    signIn();
    token = ApiToken.rotate(tmp.resolve("state").resolve(ApiToken.FILE_NAME));
    // the overview's next refresh is refused: the UI forgets the token and says why
    browser.textIn("#signin-form", "no longer accepts your token");
    assertThat(browser.js("return sessionStorage.getItem('transfuse.token')")).isNull();
    browser.find("#token").sendKeys(token);
    browser.find("#signin-submit").click();
    browser.visible("#new-mount");
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
  void aFailedMountShowsWhyAndCanStillBeRemoved() throws Exception {
    try (S3ProxyServer doomed = S3ProxyServer.startInMemory()) {
      doomed.createBucket(BUCKET);
      createMount("doomed", doomed);
      signIn();
      browser.visible("tr[data-mount='doomed'] [data-state='MOUNTED']");
      // the store goes away and the mount is cut behind the service's back: the service
      // cannot mount it again, and the overview says so
      doomed.stop();
      Path mp = mountPoint("doomed");
      assertThat(new ProcessBuilder("umount", "-l", mp.toString()).start().waitFor()).isZero();
      browser.visible("tr[data-mount='doomed'] [data-state='FAILED']");
      WebElement reason = browser.visible("tr[data-mount='doomed'] .reason");
      assertThat(reason.getText()).isNotBlank();
      assertThat(browser.all("tr[data-mount='doomed'] [data-action='browse']")).isEmpty();
      shot("failed");

      browser.find("tr[data-mount='doomed'] [data-action='unmount']").click();
      browser.visible("#unmount-confirm").click();
      browser.gone("tr[data-mount='doomed']");
      assertThat(MountTable.at(mp)).isEmpty();
    }
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
