package io.transferbench.report;

import io.transferbench.SystemPackage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published site in a real browser: Debian's headless Chromium, driven through Debian's
 * chromedriver (named explicitly, so Selenium Manager never looks for or downloads a driver).
 * Each page type loads from file:// without console errors, every chart has drawn, and a
 * full-page screenshot of each lands in target/screenshots/ for a person to look at. Without the
 * Debian packages the test is skipped, naming them, except under CI=true, where it fails.
 */
class SiteBrowserTest {

    private static final Path CHROMIUM = SystemPackage.path("transferbench.chromium", "/usr/bin/chromium");
    private static final Path CHROMEDRIVER = SystemPackage.path("transferbench.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path root;
    static Path site;
    static ChromeDriver browser;

    /** Each test skips (or under CI=true fails) by itself, so the report counts and names every skip. */
    @BeforeEach
    void needsChromiumAndItsDriver() {
        SystemPackage.require(CHROMIUM, "chromium");
        SystemPackage.require(CHROMEDRIVER, "chromium-driver");
    }

    @BeforeAll
    static void publishAndStartTheBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        site = root.resolve("site");
        new SitePublisher(new ReportWriter(root.resolve("no.lock"))).publish(SitePublisherTest.reports(root), site);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void siteIndexLinksEveryRunAndTheComparison() throws Exception {
        load(site.resolve("index.html"), "site-index");
        List<WebElement> links = browser.findElements(By.cssSelector("main a"));
        assertTrue(links.stream().anyMatch(a -> a.getText().equals("default-1 vs default-2")));
        assertTrue(links.stream().anyMatch(a -> a.getText().equals("other / run with space")));
    }

    @Test
    void runReportDrawsEveryChart() throws Exception {
        load(site.resolve("runs/fixture/default-1/index.html"), "run-report");
        assertEquals(8, assertChartsDrawn());
    }

    @Test
    void comparePageDrawsEveryChart() throws Exception {
        load(site.resolve("compare/fixture-1/index.html"), "compare");
        // metric, speed-up, throughput, memory, and time to target (some generated cells reach it)
        assertEquals(5, assertChartsDrawn());
    }

    @Test
    void atlasShowsEverySuiteAndDrawsTheDepthChart() throws Exception {
        load(site.resolve("index.html"), "site-index");
        browser.findElement(By.linkText("Transfer atlas")).click();
        load(site.resolve("atlas/index.html"), "atlas");
        List<String> suites = browser.findElements(By.cssSelector("table.atlas thead tr:nth-child(2) th")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
        assertEquals(List.of("fixture", "other"), suites);
        assertEquals(8, browser.findElements(By.cssSelector("table.atlas tr.question")).size(), "eight questions");
        browser.findElement(By.cssSelector("table.atlas tr.meta a")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/index.html") && browser.getCurrentUrl().contains("/runs/"),
                "a column links its result set's report: " + browser.getCurrentUrl());
        load(site.resolve("atlas/index.html"), "atlas");
        assertEquals(1, assertChartsDrawn());
    }

    /** Loads a page, checks the console, saves a full-page screenshot. */
    private static void load(Path page, String name) throws Exception {
        browser.get(page.toUri().toString());
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), name + ": console errors " + severe);
        Object shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true)).get("data");
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot));
    }

    /** Every chart box holds a Chart.js canvas of non-zero size with pixels painted on it; returns the count. */
    private static int assertChartsDrawn() {
        List<WebElement> boxes = browser.findElements(By.cssSelector("div.chart"));
        assertFalse(boxes.isEmpty(), "no charts on the page");
        for (WebElement box : boxes) {
            String id = box.getAttribute("id");
            Object drawn = ((JavascriptExecutor) browser).executeScript("""
                    const canvas = arguments[0].querySelector('canvas');
                    if (!canvas || !Chart.getChart(canvas) || canvas.width === 0 || canvas.height === 0) return 0;
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    let painted = 0;
                    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
                    return painted;""", box);
            assertTrue(((Number) drawn).longValue() > 1000, id + " has not drawn (" + drawn + " pixels)");
        }
        return boxes.size();
    }
}
