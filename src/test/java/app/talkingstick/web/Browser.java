package app.talkingstick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's Chromium, headless, driven by Debian's chromedriver. Nothing is
 * ever downloaded: the driver and the browser are given by path and Selenium Manager stays off.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Duration WAIT = Duration.ofSeconds(15);

  static {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    System.setProperty("SE_OFFLINE", "true");
    // chromedriver's and Selenium's own chatter is not wanted in the test output
    System.setProperty("webdriver.chrome.silentOutput", "true");
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(Level.WARNING);
  }

  final String name;
  final ChromeDriver driver;
  private final String origin;
  private final Path profile;

  private Browser(String name, ChromeDriver driver, String origin, Path profile) {
    this.name = name;
    this.driver = driver;
    this.origin = origin;
    this.profile = profile;
  }

  /** A fresh browser (own profile, so own storage) of the given window size. */
  static Browser open(String name, String origin, int width, int height) {
    Path profile;
    try {
      profile = Files.createTempDirectory("talkingstick-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--mute-audio",
        "--disable-features=Translate,MediaRouter,OptimizationHints", "--password-store=basic",
        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    return new Browser(name, driver, origin, profile);
  }

  // ---------------------------------------------------------------- navigation and waiting

  void go(String hash) {
    driver.get(origin + "/?test=1" + hash);
    waitFor(d -> "true".equals(js("return document.body.dataset.ready || ''")));
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    return waitFor(condition, WAIT);
  }

  <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
    // the client re-renders freely: an element found a moment ago may be gone, so look again
    return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  WebElement visible(By by) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return waitFor(ExpectedConditions.elementToBeClickable(by));
  }

  /** Clicks what {@code by} finds; a part of the page re-rendered between finding and clicking is found again. */
  void click(By by) {
    waitFor(d -> {
      WebElement element = clickable(by);
      js("arguments[0].scrollIntoView({block: 'center'})", element);
      element.click();
      return true;
    });
  }

  void type(By by, String text) {
    WebElement element = visible(by);
    element.clear();
    element.sendKeys(text);
  }

  void select(By by, String value) {
    new Select(visible(by)).selectByValue(value);
  }

  boolean isVisible(By by) {
    List<WebElement> found = driver.findElements(by);
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  /** Waits until some element matching the selector shows exactly this text (after trimming). */
  WebElement textAppears(By by, String text) {
    return waitFor(d -> d.findElements(by).stream()
        .filter(e -> e.isDisplayed() && text.equals(e.getText().trim())).findFirst().orElse(null));
  }

  /** Waits until some element matching the selector contains this text. */
  WebElement textContains(By by, String text) {
    return waitFor(d -> d.findElements(by).stream()
        .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  // ---------------------------------------------------------------- the app

  void signIn(String username, String password) {
    go("#/signin");
    type(By.name("username"), username);
    type(By.name("password"), password);
    click(By.cssSelector("form button[type=submit]"));
    visible(By.xpath("//button[normalize-space()='Sign out']"));
  }

  /** Writes in the room's composer and presses Enter. */
  void say(String text) {
    WebElement box = visible(By.cssSelector(".composer textarea"));
    box.clear();
    box.sendKeys(text);
    box.sendKeys(Keys.ENTER);
  }

  /** The message list item showing this text (waits for it). */
  WebElement message(String text) {
    return waitFor(d -> d.findElements(By.cssSelector("ol.timeline li.msg")).stream()
        .filter(e -> text.equals(e.findElement(By.cssSelector(".text")).getText().trim()))
        .findFirst().orElse(null));
  }

  /** How many rendered messages (sent or still sending) show exactly this text. */
  long count(String text) {
    return ((Number) js("const t = arguments[0];"
        + "return [...document.querySelectorAll('li.msg .text')].filter(e => e.textContent.trim() === t).length;", text))
        .longValue();
  }

  /** The seqs of the rendered messages, in page order. */
  @SuppressWarnings("unchecked")
  List<Long> seqs() {
    List<Object> raw = (List<Object>) js("return [...document.querySelectorAll('ol.timeline li.msg[data-seq]')]"
        + ".map(e => Number(e.dataset.seq));");
    List<Long> seqs = new ArrayList<>();
    raw.forEach(o -> seqs.add(((Number) o).longValue()));
    return seqs;
  }

  /** Every message shows once, in strictly increasing seq order. */
  void assertNoDuplicatesInOrder() {
    List<Long> seqs = seqs();
    for (int i = 1; i < seqs.size(); i++) {
      assertTrue(seqs.get(i) > seqs.get(i - 1), name + ": messages out of order or doubled: " + seqs);
    }
  }

  /** Every form control and button has an accessible name, and every id is unique. */
  void assertControlsLabelled() {
    @SuppressWarnings("unchecked")
    List<String> unlabeled = (List<String>) js(String.join("\n",
        "const named = (el) => {",
        "  if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return true;",
        "  if (el.labels && el.labels.length) return true;",
        "  if (el.tagName === 'BUTTON' && el.textContent.trim()) return true;",
        "  if (el.tagName === 'SUMMARY' && el.textContent.trim()) return true;",
        "  return false; };",
        "const all = [...document.querySelectorAll('input, select, textarea, button, summary')];",
        "return all.filter(el => el.type !== 'hidden' && !named(el)).map(el => el.outerHTML.slice(0, 120));"));
    assertEquals(List.of(), unlabeled, name + ": controls without a label");
    @SuppressWarnings("unchecked")
    List<String> duplicates = (List<String>) js("const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
        + "return ids.filter((id, i) => ids.indexOf(id) !== i);");
    assertEquals(List.of(), duplicates, name + ": duplicate ids");
  }

  /** The page is no wider than the window (no sideways scrolling on a phone). */
  void assertNoHorizontalScroll() {
    long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
    long client = ((Number) js("return document.documentElement.clientWidth")).longValue();
    assertTrue(scroll <= client + 1, name + ": page is " + scroll + " px wide in a " + client + " px window");
  }

  /** Script errors and CSP violations reported by the browser since the last call. */
  List<String> scriptProblems() {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String m = entry.getMessage();
      if (m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError")
          || m.contains("ReferenceError") || m.contains("SyntaxError")) {
        problems.add(m);
      }
    }
    return problems;
  }

  void assertNoScriptProblems() {
    assertEquals(List.of(), scriptProblems(), name + ": script errors or CSP violations");
  }

  /** What the page keeps in localStorage and sessionStorage, as one string. */
  String storage() {
    return (String) js("return JSON.stringify({local: {...localStorage}, session: {...sessionStorage}})");
  }

  /** Saves a screenshot of the whole page (not just the window) under target/screenshots. */
  void screenshot(String file) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png;
      try {
        png = fullPage();
      } catch (RuntimeException e) {
        png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      }
      Files.write(SCREENSHOTS.resolve(file + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the person sees in the window right now (a full-page capture draws sticky parts where the scroll left them). */
  void screenshotOfWindow(String file) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private byte[] fullPage() {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    // without a scroll bar, as captured beyond the viewport, the page lays out at the window's full width
    double width = Math.max(((Number) size.get("width")).doubleValue(), ((Number) js("return window.innerWidth")).doubleValue());
    double height = Math.min(((Number) size.get("height")).doubleValue(), 6000);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    return java.util.Base64.getDecoder().decode((String) shot.get("data"));
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | UncheckedIOException ignored) {
        // a temp dir left behind is harmless
      }
    }
  }
}
