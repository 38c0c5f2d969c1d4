package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.utskick.audience.Rule;

/**
 * The register, list and staff part of the ombudsman's month in headless Chromium, through
 * {@code Utskick.wire} and the real server: import the register in the browser (a bad line refused
 * with its number, then fixed, the diff confirmed), find the members without an address, create a
 * list of the chairs in region Norr after a preview, and open staff administration. Screenshots of
 * the new pages go to docs/screenshots.
 */
class AdminBrowserTest {
    static final Path SHOTS = Path.of("docs", "screenshots");
    static WebFixture fx;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        fx = new WebFixture(3000);
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        fx.close();
    }

    private static void open(String path) {
        browser.get(fx.base() + path);
    }

    private static void submit(By button) {
        Chromium.submitAndWait(browser, browser.findElement(button));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void importListsAndStaffInTheBrowser() throws Exception {
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(WebFixture.USER);
        browser.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        submit(By.cssSelector("form[action='/logga-in'] button[type=submit]"));
        browser.findElement(By.id("code")).sendKeys(fx.nextCode());
        submit(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]"));
        assertEquals("Översikt", text("h1"));

        // the register import: one bad line refused with its number, then the fixed file applied
        Path export = Files.createTempFile("export", ".csv");
        fx.app.register().export(export);
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
        String[] fresh = lines.get(1).split(";", -1);
        fresh[header.indexOf("Medlemsnummer")] = "NY700001";
        fresh[header.indexOf("Förnamn")] = "Ny";
        fresh[header.indexOf("E-post")] = "ny.medlem@exempel.se";
        fresh[header.indexOf("Region")] = "Mitten";
        lines.add(String.join(";", fresh));
        Files.write(export, lines, StandardCharsets.UTF_8);
        open("/register/import");
        browser.findElement(By.id("file")).sendKeys(export.toAbsolutePath().toString());
        submit(By.cssSelector("form[action='/register/import'] button[type=submit]"));
        assertTrue(text("#file-error").contains("rad " + lines.size()) && text("#file-error").contains("”Mitten” är ingen region"),
                text("#file-error"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "import-bad-line");

        fresh[header.indexOf("Region")] = lines.get(1).split(";", -1)[header.indexOf("Region")];
        lines.set(lines.size() - 1, String.join(";", fresh));
        Files.write(export, lines, StandardCharsets.UTF_8);
        open("/register/import");
        browser.findElement(By.id("file")).sendKeys(export.toAbsolutePath().toString());
        submit(By.cssSelector("form[action='/register/import'] button[type=submit]"));
        assertTrue(browser.getPageSource().contains("Tillkommer</strong> (1)"), browser.getPageSource());
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "import-diff");
        submit(By.cssSelector("form[action^='/register/import/'] button[type=submit]"));
        assertTrue(text(".flash").contains("Registret är inläst"), browser.getPageSource());
        assertTrue(fx.app.register().memberIdByNumber("NY700001").isPresent());
        Files.delete(export);

        // members without an address, paged with the true total
        open("/register");
        new Select(browser.findElement(By.id("adress"))).selectByValue("MISSING");
        submit(By.cssSelector("form[role=search] button[type=submit]"));
        assertTrue(browser.getPageSource().contains(" medlemmar."), browser.getPageSource());
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "members-filter");

        // a list of the chairs in region Norr, previewed, then saved
        open("/listor/ny");
        browser.findElement(By.id("name")).sendKeys("Ordförande i Norr");
        browser.findElement(By.cssSelector("input[name=roles][value=CHAIR]")).click();
        browser.findElement(By.cssSelector("input[name=regions][value=NORTH]")).click();
        submit(By.cssSelector("button[value=preview]"));
        int reach = fx.app.audiences().resolve(Rule.ofRoles("CHAIR").inRegions(List.of("NORTH")), false).recipients();
        assertTrue(text("#preview-h").contains("Förhandsgranskning") && browser.getPageSource().contains("Når " + reach + " som"),
                browser.getPageSource());
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "list-preview");
        submit(By.cssSelector("button[value=save]"));
        assertTrue(text(".flash").contains("Sändlistan är sparad"), browser.getPageSource());
        assertEquals("Ordförande i Norr", text("h1"));
        open("/listor");
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "lists");

        // staff administration
        open("/personal");
        assertEquals("Personal och behörigheter", text("h1"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "staff");
        open("/logg");
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "audit-log");
    }
}
