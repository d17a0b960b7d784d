package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Admin;
import dev.importer.testing.Zips;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser: the machine's headless Chromium, driven by Selenium
 * through its chromedriver ({@link LocalChromium}). Saves screenshots of the main states
 * under target/ (console.png during an import, console-done.png, console-cancelled.png,
 * console-offline.png, console-phone.png).
 */
class ConsoleIT extends ImportIT {

    private static final int USERS = 2000;
    private static final int REPEATED = 10;

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;
    private Path downloads;

    @BeforeEach
    void openBrowser() throws IOException {
        LocalChromium chromium = LocalChromium.findOrSkip();
        profile = Files.createTempDirectory("console-it-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.browser().toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--window-size=1200,1400");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .build();
        browser = new ChromeDriver(driver, options);
        downloads = Files.createTempDirectory("console-it-downloads");
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser == null) {
            return; // no Chromium here: skipped
        }
        browser.quit();
        for (Path folder : List.of(profile, downloads)) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void anOperatorImportsACsvFileAndWatchesItThrough() throws IOException {
        String tag = "web" + System.nanoTime();
        String existing = TestUsers.createNamed("taken-" + tag).userId();
        Path csv = csvOf(tag);
        Files.writeString(csv, "taken-" + tag + ",taken-" + tag + "@example.com,Taken\n", StandardOpenOption.APPEND);
        browser.get(Deployments.loopback(deployment).toString());

        logIn();
        click("new");
        awaitMessage("A new operation is started.");
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        click("upload");
        awaitMessage((USERS + 1) + " users staged.");
        click("validate");
        awaitMessage("A run would import " + (USERS - REPEATED) + ", update 0, skip " + (REPEATED + 1));
        assertEquals(REPEATED + 1, browser.findElements(By.cssSelector("#prediction tbody tr")).size());
        browser.findElement(By.id("prediction-query")).sendKeys("username-taken");
        assertEquals(1, browser.findElements(By.cssSelector("#prediction tbody tr")).size(), "the search narrows");
        click("prediction-download");
        String predicted = downloaded("import-validation-skipped.csv");
        assertEquals("username,reason,matchedId,matchedUsername\r\ntaken-" + tag + ",username-taken," + existing
                + ",taken-" + tag, predicted.strip());

        click("run");
        wait.until(d -> progress() > 0);
        screenshot(Path.of("target/console.png"));
        wait.until(d -> progress() == 1.0 && text("percent").equals("100 %"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "done"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rate-summary"),
                String.format("%,d users in", USERS + 1)));
        assertEquals(1, browser.findElements(By.cssSelector("#rate-chart svg path")).size(), "the rate is drawn");
        String legend = text("outcomes-legend");
        assertTrue(legend.contains(String.format("imported: %,d", USERS - REPEATED))
                && legend.contains("skipped: " + (REPEATED + 1)) && legend.contains("failed: 0"), legend);
        screenshot(Path.of("target/console-done.png"));

        new Select(browser.findElement(By.id("report-status"))).selectByValue("skipped");
        click("report-show");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report"), "duplicate-in-import"));
        List<WebElement> skipped = browser.findElements(By.cssSelector("#report tbody tr"));
        assertEquals(REPEATED + 1, skipped.size());
        assertTrue(skipped.get(0).getText().contains(tag + "-0"), skipped.get(0).getText());
        String taken = skipped.get(REPEATED).getText();
        assertTrue(taken.contains("username-taken") && taken.contains("taken-" + tag + " (" + existing + ")"), taken);

        click("report-download");
        String report = downloaded("import-report-skipped.csv");
        assertEquals(REPEATED + 2, report.lines().count(), "a header and every skipped user: " + report);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "addUsers"));
        String events = text("events");
        assertTrue(events.contains("run") && events.contains("new") && events.contains(Admin.USERNAME)
                && !events.contains(admin.userId()), "names, not ids: " + events);
        assertEquals(USERS - REPEATED, importedUsers(tag));
    }

    @Test
    void theAuditTrailIsPagedAndRefreshesByItself() {
        browser.get(Deployments.loopback(deployment).toString());
        logIn();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "newest first"));
        for (int i = 0; i < 21; i++) {
            assertOk(api.post("api/v1/import.clear", admin)); // made here, not by the page: shown by its timer
        }
        int total = api.get("api/v1/import.events?count=1", admin).json().getInt("total");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"),
                "events 1 to 20 of " + total + ","));
        assertEquals(20, browser.findElements(By.cssSelector("#events tbody tr")).size());
        assertTrue(!browser.findElement(By.id("events-previous")).isEnabled(), "no newer page");
        click("events-next");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "events 21 to"));
        assertTrue(browser.findElement(By.id("events-previous")).isEnabled());
    }

    @Test
    void theConsoleFitsAPhonesWidth() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(Deployments.loopback(deployment).toString());
        logIn();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("events"), "newest first"));
        JavascriptExecutor page = (JavascriptExecutor) browser;
        long overflow = (Long) page.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, overflow, () -> "nothing wider than the screen (wide tables scroll in their own box): "
                + page.executeScript("""
                        const width = document.documentElement.clientWidth;
                        return [...document.querySelectorAll('body *')]
                            .filter(e => !e.closest('.table') && e.getBoundingClientRect().right > width + 0.5)
                            .map(e => `${e.tagName}#${e.id}.${e.className}`).join(', ');"""));
        screenshot(Path.of("target/console-phone.png"));
    }

    @Test
    void theConsoleSaysWhenTheServerCannotBeReachedAndWhenItAnswersAgain() throws IOException {
        browser.get(Deployments.loopback(deployment).toString());
        logIn();
        assertTrue(!browser.findElement(By.id("offline")).isDisplayed());
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        ((ChromeDriver) browser).setNetworkConditions(offline);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offline")));
        screenshot(Path.of("target/console-offline.png"));
        ((ChromeDriver) browser).deleteNetworkConditions();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offline")));
    }

    @Test
    void anOperatorImportsARocketChatZipLeavingOneUserOut() throws IOException {
        String tag = "webzip" + System.nanoTime();
        Path zip = Path.of("target", tag + ".zip");
        Files.write(zip, Zips.of("users.csv", tag + "-a," + tag + "-a@example.com,Ann\n"
                + tag + "-b," + tag + "-b@example.com,Bob\n" + tag + "-c," + tag + "-c@example.com,Cy\n"));
        browser.get(Deployments.loopback(deployment).toString());
        logIn();

        wait.until(d -> !d.findElements(By.cssSelector("#importer option[value=csv]")).isEmpty());
        new Select(browser.findElement(By.id("importer"))).selectByValue("csv");
        browser.findElement(By.id("import-file")).sendKeys(zip.toAbsolutePath().toString());
        click("import-upload");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-message"), "3 users read"));
        browser.findElement(By.id("selection-search")).sendKeys(tag + "-b");
        assertEquals(1, browser.findElements(By.cssSelector("#selection tbody tr")).size(), "the search narrows");
        click("select-none");
        browser.findElement(By.id("selection-search")).clear();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("selection-count"), "2 of 3 users selected"));
        click("start-import");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-message"), "Importing 2 users"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("state"), "done"));

        assertEquals(2, importedUsers(tag));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-b"));
    }

    @Test
    void anOperatorIsToldWhatWentWrongAndAskedBeforeWorkIsLost() throws Exception {
        browser.get(Deployments.loopback(deployment).toString());
        browser.findElement(By.id("login-user")).sendKeys(Admin.USERNAME);
        browser.findElement(By.id("login-password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("login-message"), "Wrong user name or password."));
        assertTrue(!browser.findElement(By.id("console")).isDisplayed());
        browser.findElement(By.id("login-password")).clear();
        browser.findElement(By.id("login-password")).sendKeys(Admin.PASSWORD);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        assertEquals("", text("login-message"), "cleared on success");

        String tag = "cancelweb" + System.nanoTime();
        startNew();
        runUntilTheFirstAreImported(tag, 10_000);
        String operation = status().getJsonObject("operation").getString("_id");
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT id FROM import_lock FOR UPDATE"); // neither the job nor a takeover moves meanwhile
            TestDatabase.execute("UPDATE import_operations SET lease_owner = NULL WHERE id = ?", operation);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("takeover")));
            c.commit();
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("takeover")));
        click("new");
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals("importing", status().getString("state"), "New operation dismissed: nothing happens");
        click("clear");
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals("importing", status().getString("state"), "Clear dismissed: nothing happens");
        click("cancel");
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        awaitMessage("The import is cancelled");
        long created = importedUsers(tag);
        assertTrue(created > 0 && created < 10_000, "stopped midway: " + created);

        new Select(browser.findElement(By.id("report-status"))).selectByValue("imported");
        click("report-show");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report"),
                created + " imported; showing 1 to " + Math.min(created, 50)));
        assertTrue(!browser.findElement(By.id("report-previous")).isEnabled(), "no page before the first");
        assertEquals(created > 50, browser.findElement(By.id("report-next")).isEnabled());
        browser.findElement(By.id("report-query")).sendKeys(tag + "-0");
        click("report-show");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report"), "1 imported; showing 1 to 1"));
        assertTrue(!browser.findElement(By.id("report-next")).isEnabled(), "no page after the last");
        screenshot(Path.of("target/console-cancelled.png"));
    }

    @Test
    void aBrokenCsvIsRefusedNamingItsLineAndNothingIsStaged() throws IOException {
        String tag = "csvweb" + System.nanoTime();
        Path broken = Path.of("target", tag + "-broken.csv");
        Files.writeString(broken, "username,email,name\n" + tag + "-a," + tag + "-a@example.com,A\n"
                + tag + "-b," + tag + "-b@example.com,\"B with a quote never closed\n"
                + tag + "-c," + tag + "-c@example.com,C\n");
        Path semicolons = Path.of("target", tag + "-semicolons.csv");
        Files.writeString(semicolons, "\uFEFFusername;email;name;roles\r\n" + tag + "-d;" + tag + "-d@example.com "
                + tag + "-d2@example.com;\"D; the first\";user\r\n");
        browser.get(Deployments.loopback(deployment).toString());
        logIn();
        click("new");
        awaitMessage("A new operation is started.");

        browser.findElement(By.id("file")).sendKeys(broken.toAbsolutePath().toString());
        click("upload");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Nothing was sent"));
        assertTrue(text("message").startsWith("CSV line 3: "), text("message"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE data->>'username' LIKE ?", tag + "%"));

        browser.findElement(By.id("file")).sendKeys(semicolons.toAbsolutePath().toString());
        click("upload");
        awaitMessage("1 users staged.");
        assertTrue(text("preview").contains(tag + "-d2@example.com") && text("preview").contains("D; the first"),
                text("preview"));
        assertEquals(1, TestDatabase.count("""
                SELECT count(*) FROM import_data WHERE data->>'username' = ? AND jsonb_array_length(data->'emails') = 2
                  AND data->'roles' = '["user"]'""", tag + "-d"));
    }

    private void logIn() {
        browser.findElement(By.id("login-user")).sendKeys(Admin.USERNAME);
        browser.findElement(By.id("login-password")).sendKeys(Admin.PASSWORD);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    }

    /** USERS users; the last REPEATED repeat the first ones' usernames, so they are skipped. */
    private static Path csvOf(String tag) throws IOException {
        StringBuilder csv = new StringBuilder("username,email,name\n");
        for (int i = 0; i < USERS; i++) {
            int name = i < USERS - REPEATED ? i : i - (USERS - REPEATED);
            csv.append(tag).append('-').append(name).append(',')
                    .append(tag).append("-mail-").append(i).append("@example.com,")
                    .append("\"User ").append(i).append(", from the CSV\"\n");
        }
        Path file = Path.of("target", tag + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    private double progress() {
        WebElement bar = browser.findElement(By.id("progress"));
        return Double.parseDouble(bar.getDomProperty("value")) / Double.parseDouble(bar.getDomProperty("max"));
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void awaitMessage(String start) {
        wait.until(d -> text("message").startsWith(start) || text("message").contains("["));
        assertTrue(text("message").startsWith(start), text("message"));
    }

    /** The file the page handed the browser to save, once it is there. */
    private String downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(d -> Files.exists(file));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(Path target) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
