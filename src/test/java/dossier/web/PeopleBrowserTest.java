package dossier.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.index.Archive;
import dossier.index.Ingest;
import dossier.index.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A reader in headless Debian Chromium goes from the people directory to a person, through a correspondent to the
 * emails between them, into a thread, and on to an email: with JavaScript on and off. Set up and skipped as
 * {@link BrowserTest} is.
 */
class PeopleBrowserTest {
    @TempDir static Path dir;
    static WebServer web;
    static String base;
    WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(BrowserTest.CHROMEDRIVER) && Files.isExecutable(BrowserTest.CHROMIUM);
        if (!present && "true".equals(System.getenv("CI"))) fail("/usr/bin/chromium and /usr/bin/chromedriver are required in CI");
        assumeTrue(present, "headless Chromium not installed (/usr/bin/chromedriver); browser tests skipped");
        Path dump = WebFixtures.write(dir.resolve("dump"), 9);
        Archive archive = Archive.create(dir.resolve("archive"), "Fixture archive");
        new Ingest(Ingest.Options.defaults()).run(archive, List.of(dump), (f, b) -> Progress.silent());
        web = WebServer.start(archive, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + web.port();
        System.setProperty("webdriver.chrome.driver", BrowserTest.CHROMEDRIVER.toString());
    }

    @AfterAll
    static void stop() {
        if (web != null) web.stop();
    }

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    WebDriver browser(boolean javascript) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BrowserTest.CHROMIUM.toFile());
        Path profile = Files.createTempDirectory(dir, "profile");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        o.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)); // elements of a page still loading after a click
        return driver;
    }

    void journey(boolean javascript) throws Exception {
        WebDriver d = browser(javascript);
        d.get(base + "/");
        d.findElement(By.linkText("People")).click();
        waitFor(d, ExpectedConditions.titleIs("People · Fixture archive"));
        assertEquals("People · Fixture archive", d.getTitle());
        WebElement filter = d.findElement(By.id("pq"));
        filter.sendKeys("archer");
        d.findElement(By.cssSelector(".people-filter button")).click();
        waitFor(d, ExpectedConditions.urlContains("/people?q=archer"));
        assertTrue(d.getCurrentUrl().contains("/people?q=archer"), d.getCurrentUrl());
        d.findElement(By.linkText("Alice Archer")).click();

        // The person page.
        waitFor(d, ExpectedConditions.titleIs("Alice Archer · Fixture archive"));
        assertEquals("Alice Archer · Fixture archive", d.getTitle());
        assertTrue(d.findElement(By.cssSelector(".person-facts")).getText().contains("alice@example.org"));
        assertTrue(d.findElement(By.cssSelector(".graph svg")).isDisplayed(), "the correspondents graph is drawn");
        assertFalse(d.findElements(By.cssSelector(".person-emails .hit")).isEmpty());
        WebElement bob = d.findElements(By.cssSelector(".correspondents tr")).stream()
                .filter(r -> r.getText().contains("Bob Baker")).findFirst().orElseThrow();
        bob.findElement(By.cssSelector("a.connection")).click();

        // The connection page.
        waitFor(d, ExpectedConditions.urlContains("/connections?a=alice%40example.org&b=bob%40example.org"));
        assertTrue(d.getCurrentUrl().contains("/connections?a=alice%40example.org&b=bob%40example.org"), d.getCurrentUrl());
        assertEquals("2", d.findElement(By.id("total")).getText());
        assertEquals(2, d.findElements(By.cssSelector("ol.emails .hit")).size());
        d.findElement(By.linkText("Budget meeting")).click();

        // The email, then its thread.
        waitFor(d, ExpectedConditions.titleIs("Budget meeting · Fixture archive"));
        assertEquals("Budget meeting · Fixture archive", d.getTitle());
        d.findElement(By.linkText("Thread")).click();
        waitFor(d, ExpectedConditions.titleContains("Thread: Budget meeting"));
        assertTrue(d.getTitle().startsWith("Thread: Budget meeting"), d.getTitle());
        List<WebElement> emails = d.findElements(By.cssSelector(".thread-email"));
        assertEquals(2, emails.size());
        assertEquals("0", emails.get(0).getAttribute("data-depth"));
        assertEquals("1", emails.get(1).getAttribute("data-depth"));
        assertTrue(emails.get(1).getLocation().getX() > emails.get(0).getLocation().getX(), "the reply is indented");
        WebElement quote = emails.get(0).findElement(By.cssSelector("details.quoted"));
        assertFalse(quote.findElement(By.tagName("pre")).isDisplayed(), "quoted text starts folded");
        quote.findElement(By.tagName("summary")).click();
        assertTrue(quote.findElement(By.tagName("pre")).isDisplayed(), "and opens without script");
        emails.get(1).findElement(By.linkText("Re: Budget meeting")).click();
        waitFor(d, ExpectedConditions.titleIs("Re: Budget meeting · Fixture archive"));
        assertEquals("Re: Budget meeting · Fixture archive", d.getTitle());
        assertTrue(d.findElement(By.tagName("main")).getText().contains("Thursday works."));

        // From the email's header back to a person.
        d.findElement(By.cssSelector("table.headers a.person")).click();
        waitFor(d, ExpectedConditions.titleIs("Bob Baker · Fixture archive"));
        assertEquals("Bob Baker · Fixture archive", d.getTitle());
        assertEquals(0, web.unexpectedFailures());
    }

    @Test
    void aReaderGoesFromAPersonToAConnectionAThreadAndAnEmail() throws Exception {
        journey(true);
    }

    @Test
    void theSameWorksWithJavaScriptDisabled() throws Exception {
        journey(false);
    }

    /** Waits for a navigation a click started, as {@link BrowserTest#waitFor} does. */
    static void waitFor(org.openqa.selenium.WebDriver d, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        BrowserTest.waitFor(d, condition);
    }
}
