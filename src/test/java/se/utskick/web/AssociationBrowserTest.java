package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.utskick.letters.Letter;

/**
 * The associations' side in a real browser (headless Chromium) on the real graph: a targeted
 * mailing asking for feedback arrives in GreenMail; a board member opens the link from the message
 * that arrived, answers the question, sends in an event and uploads a PDF; the ombudsman approves
 * the event and the file; another association's page lists the file; the feedback table shows
 * the form's answer; the outreach page counts the event. Screenshots (association page, outreach
 * overview, material bank) go to target/screenshots.
 */
class AssociationBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
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

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    private static void submit(WebElement button) {
        Chromium.submitAndWait(browser, button);
    }

    private static void signIn() {
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(WebFixture.USER);
        browser.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        submit(browser.findElement(By.cssSelector("form[action='/logga-in'] button[type=submit]")));
        browser.findElement(By.id("code")).sendKeys(fx.nextCode());
        submit(browser.findElement(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]")));
    }

    @Test
    void aBoardAnswersSendsInAnEventAndSharesAFileThatTheOmbudsmanApproves(@TempDir Path dir) throws Exception {
        List<String> names = AssociationMail.associations(fx, 2);
        Letter letter = AssociationMail.sendQuestion(fx, names, "Hur många valarbetare har ni?", LocalDate.now().plusDays(10));
        Map<String, String> links = AssociationMail.links(fx, names);
        String mine = names.get(0);
        String other = names.get(1);

        // the board member follows the link in the message that arrived
        open(links.get(mine));
        assertEquals(mine, text("h1"));
        assertTrue(text("#svar").contains("Hur många valarbetare har ni?"), text("#svar"));
        browser.findElement(By.id("answer")).sendKeys("Vi har elva valarbetare och två till på gång.");
        submit(browser.findElement(By.cssSelector("form[action$='/svar'] button[type=submit]")));
        assertTrue(text(".flash").contains("Tack! Ert svar är skickat"), text("main"));
        assertTrue(text("#svar").contains("Föreningen har svarat") && text("#svar").contains("elva valarbetare"), text("#svar"));

        LocalDateTime starts = LocalDateTime.now().plusDays(1).withHour(11).withMinute(0).withSecond(0).withNano(0);
        browser.findElement(By.cssSelector("#arrangemang summary")).click();
        browser.findElement(By.id("ev-title")).sendKeys("Torgmöte om kollektivtrafiken");
        new Select(browser.findElement(By.id("ev-kind"))).selectByValue("TORGMOTE");
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("ev-starts")), starts.toString().substring(0, 16));
        browser.findElement(By.id("ev-place")).sendKeys("Stora torget");
        browser.findElement(By.id("ev-description")).sendKeys("Vi delar ut flygblad och pratar med folk.");
        submit(browser.findElement(By.cssSelector("form[action$='/arrangemang'] button[type=submit]")));
        assertTrue(text(".flash").contains("Arrangemanget är inskickat"), text("main"));
        assertTrue(text("#arrangemang").contains("Väntar på godkännande"), text("#arrangemang"));

        Path pdf = Files.write(dir.resolve("debattartikel.pdf"), ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII));
        browser.findElement(By.cssSelector("#bank details summary")).click();
        new Select(browser.findElement(By.id("m-kind"))).selectByValue("DEBATTARTIKEL");
        browser.findElement(By.id("m-title")).sendKeys("Debattartikel: bussar på landsbygden");
        browser.findElement(By.id("m-file")).sendKeys(pdf.toAbsolutePath().toString());
        submit(browser.findElement(By.cssSelector("form[action$='/material'] button[type=submit]")));
        assertTrue(text(".flash").contains("Materialet är uppladdat"), text("main"));

        // the ombudsman approves both
        signIn();
        open("/foreningsarbete/inskickat");
        assertTrue(text("#arrangemang").contains("Torgmöte om kollektivtrafiken"), text("main"));
        submit(browser.findElement(By.cssSelector("#arrangemang button.primary")));
        assertTrue(text(".flash").contains("Klart"), text("main"));
        assertTrue(text("#material").contains("bussar på landsbygden"), text("main"));
        submit(browser.findElement(By.cssSelector("#material button.primary")));
        assertTrue(text("#material").contains("Inget material väntar"), text("main"));

        // the feedback table shows the form's answer
        open("/brev/" + letter.id() + "/aterkoppling");
        WebElement row = browser.findElements(By.cssSelector("table.feedback tr.yes")).stream()
                .filter(r -> r.getText().contains(mine)).findFirst().orElseThrow(() -> new AssertionError(text("main")));
        assertTrue(row.getText().contains("elva valarbetare"), row.getText());

        // the outreach page counts the approved outward event
        open("/foreningsarbete?ar=" + starts.getYear());
        WebElement tally = browser.findElements(By.cssSelector("main table tbody tr")).stream()
                .filter(r -> r.getText().startsWith(mine)).findFirst().orElseThrow();
        assertTrue(tally.getText().startsWith(mine + " 1 "), tally.getText());
        assertTrue(browser.findElement(By.cssSelector("figure svg")).getText().contains(mine));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "associations-outreach-desktop");
        open("/foreningsarbete/bank");
        assertTrue(text("main").contains("bussar på landsbygden"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "associations-bank-desktop");

        // another association's page lists the approved file
        browser.manage().deleteAllCookies();
        open(links.get(other));
        assertEquals(other, text("h1"));
        assertTrue(text("#bank").contains("Debattartikel: bussar på landsbygden"), text("#bank"));
        assertTrue(browser.findElement(By.cssSelector("#bank a[download]")).getAttribute("href").matches(".*/material/\\d+"));
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "association-page-phone");
        open(links.get(mine));
        assertTrue(text("#arrangemang").contains("Godkänt"), text("#arrangemang"));
        assertTrue(text("#utatriktat").contains("1 av målet 10"), text("#utatriktat"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "association-page-desktop");
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "association-page-own-phone");
    }
}
