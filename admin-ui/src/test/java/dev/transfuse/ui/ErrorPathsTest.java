package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** What goes wrong is said where it happened: a wrong token, a busy mount. */
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
