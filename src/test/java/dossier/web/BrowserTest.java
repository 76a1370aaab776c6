package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dossier.enrich.Dedup;
import dossier.index.Archive;
import dossier.search.SearchRequest;
import dossier.search.Searcher;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web archive in headless Debian Chromium: searching, reading an email and its attachment, downloading an
 * original and paging, with and without JavaScript; and hostile HTML that runs no script and makes no request to the
 * "remote" server it points at (a second HTTP server on another loopback port that counts what reaches it).
 */
class BrowserTest {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir static Path dir;
    static HttpServer remote;
    static final List<String> remoteHits = new CopyOnWriteArrayList<>();
    static WebServer web;
    static String base;
    static Searcher searcher;
    WebDriver driver;
    Path downloads;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present && "true".equals(System.getenv("CI"))) fail("/usr/bin/chromium and /usr/bin/chromedriver are required in CI");
        assumeTrue(present, "headless Chromium not installed (/usr/bin/chromedriver); browser tests skipped");
        remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        remote.createContext("/", exchange -> {
            remoteHits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        remote.start();
        Archive archive = WebFixtures.build(dir.resolve("archive"), remote.getAddress().getPort());
        web = WebServer.start(archive, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        searcher = Searcher.open(archive);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (web != null) web.stop();
        if (remote != null) remote.stop(0);
        if (searcher != null) searcher.close();
    }

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    WebDriver browser(boolean javascript) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory(dir, "profile");
        downloads = Files.createDirectories(dir.resolve("downloads-" + profile.getFileName()));
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        o.setExperimentalOption("prefs", Map.of(
                "profile.managed_default_content_settings.javascript", javascript ? 1 : 2,
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)); // elements of a page still loading after a click
        return driver;
    }

    long idOf(String query) throws Exception {
        var r = searcher.search(new SearchRequest(query, SearchRequest.Order.RELEVANCE, 0, 1, false, false));
        assertEquals(1, r.total(), query);
        return r.hits().get(0).id();
    }

    /** Search, open an email, open its attachment, page through results: the same with JavaScript on and off. */
    void readerJourney(boolean javascript) throws Exception {
        WebDriver d = browser(javascript);
        d.get(base + "/");
        WebElement box = d.findElement(By.id("q"));
        box.sendKeys("budget");
        box.sendKeys(Keys.ENTER);
        waitFor(d, ExpectedConditions.urlContains("/search?q=budget"));
        assertTrue(d.getCurrentUrl().contains("/search?q=budget"), d.getCurrentUrl());
        assertTrue(d.findElement(By.id("total")).getText().matches("\\d+ results?"), d.findElement(By.id("total")).getText());
        d.findElement(By.linkText("Budget meeting")).click();
        waitFor(d, ExpectedConditions.titleIs("Budget meeting · Fixture archive"));
        assertEquals("Budget meeting · Fixture archive", d.getTitle());
        assertTrue(d.findElement(By.cssSelector("table.headers")).getText().contains("Alice Archer <alice@example.org>"));
        WebElement quote = d.findElement(By.cssSelector("details.quoted"));
        assertFalse(quote.findElement(By.tagName("pre")).isDisplayed(), "quoted text starts folded");
        quote.findElement(By.tagName("summary")).click();
        assertTrue(quote.findElement(By.tagName("pre")).isDisplayed(), "and opens without script");

        d.get(base + "/items/" + idOf("subject:\"" + WebFixtures.ATTACHMENT_SUBJECT + "\""));
        d.findElement(By.linkText("figures notes.txt")).click();
        waitFor(d, ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Revenue of the Okavango unit grew eleven percent."));
        assertTrue(d.findElement(By.tagName("main")).getText().contains("Revenue of the Okavango unit grew eleven percent."));
        assertTrue(d.findElement(By.cssSelector(".parent a")).getText().contains(WebFixtures.ATTACHMENT_SUBJECT));
        d.navigate().back();
        WebElement img = d.findElement(By.cssSelector(".email-html img"));
        Object width = ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", img);
        if (javascript) assertEquals(1L, width, "the cid: image loads from the archive");

        d.get(base + "/search?q=weekly&sort=oldest");
        d.findElement(By.linkText("Next")).click();
        waitFor(d, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".range"), "21–40"));
        assertTrue(d.findElement(By.cssSelector(".range")).getText().contains("21–40"));
        d.findElement(By.partialLinkText("Last")).click();
        waitFor(d, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".range"), "41–45"));
        assertTrue(d.findElement(By.cssSelector(".range")).getText().contains("41–45"));
        d.findElement(By.id("page")).clear();
        d.findElement(By.id("page")).sendKeys("2", Keys.ENTER);
        waitFor(d, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".range"), "21–40"));
        assertTrue(d.findElement(By.cssSelector(".range")).getText().contains("21–40"), "page form works");
        List<WebElement> facets = d.findElements(By.cssSelector(".facets a"));
        assertFalse(facets.isEmpty());

        // The enhancing script runs only when allowed: proves the JavaScript setting took effect.
        d.get(base + "/help/search");
        d.findElement(By.tagName("body")).sendKeys("/");
        assertEquals(javascript, "top-q".equals(d.switchTo().activeElement().getAttribute("id")), "'/' shortcut");
    }

    @Test
    void aReaderSearchesReadsAnEmailAnAttachmentAndPagesWithJavaScript() throws Exception {
        readerJourney(true);
    }

    @Test
    void everythingWorksWithJavaScriptDisabled() throws Exception {
        readerJourney(false);
    }

    @Test
    void downloadingAnOriginalSavesTheExactBytesUnderItsName() throws Exception {
        WebDriver d = browser(true);
        long notes = idOf("okavango kind:attachment");
        d.get(base + "/items/" + notes);
        d.findElement(By.linkText("Download the original")).click();
        Path file = downloads.resolve("figures notes.txt");
        for (int i = 0; i < 100 && !Files.exists(file); i++) Thread.sleep(100);
        assertTrue(Files.exists(file), "downloaded into " + downloads);
        assertEquals(searcher.item(notes).orElseThrow().sha256(), Dedup.sha256(Files.readAllBytes(file)));
    }

    @Test
    void hostileHtmlRunsNoScriptAndMakesNoRequestOutsideTheArchive() throws Exception {
        WebDriver d = browser(true);
        long hostile = idOf("subject:\"" + WebFixtures.HOSTILE_SUBJECT + "\"");
        remoteHits.clear();
        d.get(base + "/items/" + hostile);
        waitFor(d, ExpectedConditions.titleIs(WebFixtures.HOSTILE_SUBJECT + " · Fixture archive"));
        assertEquals(WebFixtures.HOSTILE_SUBJECT + " · Fixture archive", d.getTitle());
        assertTrue(d.findElement(By.cssSelector(".email-html")).getText().contains("Hostile body text survives."));
        JavascriptExecutor js = (JavascriptExecutor) d;
        assertEquals(null, js.executeScript("return document.body.getAttribute('data-pwned')"), "onerror handler did not run");
        assertEquals(0L, js.executeScript("return document.querySelectorAll('.email-html script, .email-html iframe, "
                + ".email-html object, .email-html embed, .email-html form, .email-html svg, .email-html base, "
                + ".email-html meta, .email-html link, .email-html style, .email-html [style], .email-html video').length"));
        assertTrue(d.findElement(By.cssSelector(".blocked-image")).getText().contains("/remote.png"), "placeholder shows the address");
        // Clicking the javascript: link must not run it either.
        List<WebElement> jslinks = d.findElements(By.id("jslink"));
        for (WebElement a : jslinks) a.click();
        assertEquals(WebFixtures.HOSTILE_SUBJECT + " · Fixture archive", d.getTitle(), "no script changed the title");
        // Give any stray request time to arrive: poll for a while, then require that none did.
        for (int i = 0; i < 20 && remoteHits.isEmpty(); i++) Thread.sleep(100);
        assertEquals(List.of(), remoteHits, "no request reached the remote server");
        // The same with the plain-text view, and the raw headers open.
        d.get(base + "/items/" + hostile + "?view=text");
        for (int i = 0; i < 10 && remoteHits.isEmpty(); i++) Thread.sleep(100);
        assertEquals(List.of(), remoteHits);
        // Control: the remote server does count a request when one is made.
        d.get("http://127.0.0.1:" + remote.getAddress().getPort() + "/control");
        for (int i = 0; i < 50 && remoteHits.isEmpty(); i++) Thread.sleep(100);
        assertEquals(List.of("GET /control"), remoteHits.stream().filter(h -> !h.contains("favicon")).toList());
    }


    /** Waits for a navigation a click started: the driver may report the old page for a moment after the click. */
    static void waitFor(org.openqa.selenium.WebDriver d, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        // While the new page replaces the old, an element found a moment ago can leave the document before its text
        // is read: Chromium reports "Node with given id does not belong to the document" as a plain WebDriverException
        // (seen once in CI), not as a stale element. Look again; a real failure still ends as a timeout with its cause.
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class).until(condition);
    }
}
