package dev.transfuse.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * How the UI holds up: a 5,000-entry directory, a phone-sized window, and a keyboard only.
 */
class LayoutTest extends UiTestBase {

  @Test
  void aLargeDirectoryIsPagedAndStaysResponsive() throws Exception {
    createMount("large");
    signIn();
    long start = System.nanoTime();
    browser.driver.get(base() + "#/mounts/large/files?path=/big");
    browser.textIn("#files-status", "5,000 items");
    long loadedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(browser.all("#files-body tr")).hasSize(100);
    assertThat(browser.find("#pager-range").getText()).isEqualTo("1–100 of 5,000");
    assertThat(browser.all("#files-body tr").get(0).getAttribute("data-name"))
        .isEqualTo("file-0001.txt");
    assertThat(loadedMs).as("time to list and draw 5,000 entries").isLessThan(10_000);

    // paging and sorting run in the page, each in a fraction of a frame budget's worth
    assertThat(timed("#page-next", "#pager-range", "101–200 of 5,000")).isLessThan(250.0);
    assertThat(browser.find("#page-label").getText()).isEqualTo("Page 2 of 50");
    assertThat(timed("#page-last", "#pager-range", "4,901–5,000 of 5,000")).isLessThan(250.0);
    assertThat(browser.all("#files-body tr")).hasSize(100);
    assertThat(timed("[data-sort='name']", "#pager-range", "1–100 of 5,000")).isLessThan(250.0);
    assertThat(browser.all("#files-body tr").get(0).getAttribute("data-name"))
        .isEqualTo("file-5000.txt");
    shot("paged");
    browser.find("#files-filter").sendKeys("file-4242");
    browser.until(d -> browser.all("#files-body tr").size() == 1);
    assertThat(browser.find("#files-body tr").getAttribute("data-name"))
        .isEqualTo("file-4242.txt");
    assertThat(browser.find("#pager").isDisplayed()).isFalse();
  }

  @Test
  void fitsA390PixelWideWindow() throws Exception {
    createMount("phone");
    browser.size(390, 844);
    assertThat(browser.js("return window.innerWidth")).isEqualTo(390L);
    signIn();
    browser.visible("tr[data-mount='phone'] .badge");
    assertNoHorizontalScroll();
    assertThat(browser.find("tr[data-mount='phone'] [data-action='unmount']").isDisplayed())
        .isTrue();
    shot("overview");

    browser.find("tr[data-mount='phone'] [data-action='browse']").click();
    browser.visible("#files-body tr[data-name='docs']");
    assertNoHorizontalScroll();
    assertThat(browser.find("#files-body tr[data-name='hello.txt'] [data-action='download']")
        .isDisplayed()).isTrue();
    shot("files");

    browser.driver.get(base() + "#/mounts/phone/stats");
    browser.visible("#chart-traffic svg");
    assertNoHorizontalScroll();
    shot("stats");
    browser.size(390, 2200); // the whole page, for a reviewer
    shot("stats-full");
    browser.size(390, 844);

    browser.driver.get(base() + "#/new");
    browser.visible("#create-form");
    assertNoHorizontalScroll();
    shot("new");
  }

  @Test
  void everyControlIsReachableByKeyboard() throws Exception {
    createMount("keys");
    browser.driver.get(base());
    // sign in without a mouse: the token field has focus, Enter submits
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("token");
    browser.driver.switchTo().activeElement().sendKeys(token, Keys.ENTER);
    browser.visible("tr[data-mount='keys']");

    assertReached(tabThrough(30), "a:Mounts", "a:New mount", "button:Sign out", "a:+ New mount",
        "a:keys", "a:Browse", "a:Stats", "button:Unmount");

    // the unmount dialog opens from the keyboard, starts on Cancel, and Escape closes it
    focus("tr[data-mount='keys'] [data-action='unmount']").sendKeys(Keys.ENTER);
    browser.visible("#unmount-dialog");
    assertThat(browser.js("return document.activeElement.id")).isEqualTo("unmount-cancel");
    browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    browser.gone("#unmount-dialog");

    // files: folders open with Enter, columns sort with Enter, previews close with Escape
    focus("tr[data-mount='keys'] [data-action='browse']").sendKeys(Keys.ENTER);
    browser.visible("#files-body tr[data-name='docs']");
    assertReached(tabThrough(25), "a:docs", "button:hello.txt", "button:Name", "button:Size",
        "button:Modified", "input:files-filter", "button:Reload from store",
        "button:Preview hello.txt", "button:Download hello.txt");
    focus("[data-sort='size']").sendKeys(Keys.ENTER);
    browser.visible("th[aria-sort='descending'] [data-sort='size']");
    focus("#files-body tr[data-name='hello.txt'] [data-preview]").sendKeys(Keys.ENTER);
    browser.textIn("#preview-text", "hello from the browser test");
    browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    browser.gone("#preview");
    focus("#files-body tr[data-name='docs'] a").sendKeys(Keys.ENTER);
    browser.visible("#files-body tr[data-name='readme.md']");

    // the create form: the store type switch and every field are on the tab path
    browser.driver.get(base() + "#/new");
    browser.visible("#create-form");
    assertReached(tabThrough(40), "input:s3.bucket", "input:storeType", "input:name",
        "input:mountPoint", "input:readOnly", "a:Cancel", "button:Create mount");
    shot("form");
  }

  /**
   * Milliseconds the page spends handling a click on button (sorting and drawing a page happen
   * inside the click handler), then waits for css to show text.
   */
  private double timed(String button, String css, String text) {
    double ms = ((Number) browser.js("const t = performance.now();"
        + " document.querySelector(arguments[0]).click(); return performance.now() - t;",
        button)).doubleValue();
    browser.textIn(css, text);
    return ms;
  }

  private WebElement focus(String css) {
    WebElement e = browser.visible(css);
    browser.js("arguments[0].focus()", e);
    return e;
  }

  /** Presses Tab n times from the top of the page; what got focus, as "tag:text-or-name". */
  private List<String> tabThrough(int n) {
    browser.js("document.activeElement && document.activeElement.blur();"
        + " window.scrollTo(0, 0)");
    List<String> reached = new ArrayList<>();
    WebElement body = browser.find("body");
    body.sendKeys(Keys.TAB);
    for (int i = 0; i < n; i++) {
      reached.add((String) browser.js("const e = document.activeElement;"
          + " return e.tagName.toLowerCase() + ':' + (e.tagName === 'INPUT' || e.tagName ==="
          + " 'SELECT' || e.tagName === 'TEXTAREA' ? (e.name || e.id)"
          + " : (e.getAttribute('aria-label') || e.textContent.trim()))"));
      browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    return reached;
  }

  /** Each expected "tag:label" starts one of the focused elements' descriptions. */
  private static void assertReached(List<String> reached, String... expected) {
    for (String e : expected) {
      assertThat(reached).as("tab stops").anySatisfy(r -> assertThat(r).startsWith(e));
    }
  }

  private void assertNoHorizontalScroll() {
    long overflow = ((Number) browser.js("return document.documentElement.scrollWidth"
        + " - window.innerWidth")).longValue();
    assertThat(overflow).as("page wider than the window by").isLessThanOrEqualTo(0);
  }
}
