package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.utskick.letters.LetterState;

/**
 * The ombudsman composes, test-sends and sends a members' letter in headless Chromium, on the real
 * graph with GreenMail as the relay: a refused field shows its Swedish sentence next to it; unsaved
 * item text survives a reload and leaving warns; a recipient found by name is previewed and the letter
 * test-sent for them to a typed address ("[Provutskick]" in the subject); after sending, the letter's
 * page lists the recipients as sent. Screenshots of the new pages go to docs/screenshots/.
 */
class ComposeBrowserTest {
    static final Path SHOTS = Path.of("docs", "screenshots");
    static WebFixture fx;
    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        fx = new WebFixture(240);
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

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void submit(By button) {
        Chromium.submitAndWait(browser, browser.findElement(button));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void composeTestSendAndSendAMembersLetter() throws Exception {
        browser.manage().deleteAllCookies();
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(WebFixture.USER);
        browser.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        submit(By.cssSelector("form[action='/logga-in'] button[type=submit]"));
        browser.findElement(By.id("code")).sendKeys(fx.nextCode());
        submit(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]"));

        open("/brev");
        browser.findElement(By.cssSelector("details summary")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("MEMBERS");
        browser.findElement(By.id("period")).sendKeys(YearMonth.now().plusMonths(3).toString());
        submit(By.cssSelector("form[action='/brev'] button[type=submit]"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/brev/(\\d+).*", "$1"));

        browser.findElement(By.id("new-heading")).sendKeys("Höstens studiecirklar");
        browser.findElement(By.id("new-body")).sendKeys("Anmäl dig till **studiecirkeln** senast i oktober.");
        submit(By.cssSelector("form.new-item button[type=submit]"));
        assertTrue(text(".flash").contains("Punkten är tillagd."), browser.getPageSource());
        assertTrue(browser.getCurrentUrl().endsWith("#punkter"), browser.getCurrentUrl());

        // a subject of spaces: the Swedish sentence at the field, nothing saved
        browser.findElement(By.id("subject")).clear();
        browser.findElement(By.id("subject")).sendKeys("   ");
        browser.executeScript("document.getElementById('subject').removeAttribute('required')");
        submit(By.cssSelector("form[action$='/installningar'] button[type=submit]"));
        assertEquals("Skriv en ämnesrad.", text("#subject-error"));
        assertEquals("true", browser.findElement(By.id("subject")).getAttribute("aria-invalid"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "compose-field-error-desktop");
        open("/brev/" + id);

        // unsaved item text is kept over a reload, and leaving warns
        browser.findElement(By.cssSelector("details.item summary")).click();
        browser.findElement(By.id("b1")).sendKeys(" Ny mening som inte är sparad.");
        Object warned = browser.executeScript("var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;");
        assertEquals(Boolean.TRUE, warned, "leaving with unsaved text warns");
        browser.executeScript("location.reload()");
        try {
            waitUpTo(5).until(d -> {
                try {
                    d.switchTo().alert().accept();
                    return true;
                } catch (org.openqa.selenium.NoAlertPresentException e) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException noPrompt) {
            // headless Chromium may reload without showing the prompt; the event above proved the warning
        }
        waitUpTo(10).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> browser.findElement(By.id("b1")).getAttribute("value").contains("Ny mening som inte är sparad."));
        browser.findElement(By.id("b1")).clear();
        browser.findElement(By.id("b1")).sendKeys("Anmäl dig till **studiecirkeln** senast i oktober.");
        assertEquals(Boolean.FALSE, browser.executeScript("var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));

        // preview as a member found by name, then a test send to a typed address
        var someone = fx.app.letters().reading().recipientsNamed(id, "a", 1).getFirst();
        browser.findElement(By.id("namn")).sendKeys(someone.lastName());
        submit(By.cssSelector("form[role=search] button"));
        submit(By.cssSelector("#named a"));
        assertTrue(browser.getCurrentUrl().contains("medlem="), browser.getCurrentUrl());
        browser.findElement(By.id("adress")).sendKeys("korrektur@granskning.example.net");
        submit(By.cssSelector("#provutskick button"));
        assertTrue(text(".flash").contains("Provutskicket är skickat."), browser.getPageSource());
        assertTrue(fx.mail.waitForIncomingEmail(10_000, 1));
        assertTrue(Arrays.stream(fx.mail.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().startsWith("[Provutskick] ") && m.getAllRecipients()[0].toString().contains("korrektur@granskning.example.net");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }));
        browser.findElement(By.cssSelector("#provutskick")).isDisplayed();
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "compose-testsend-desktop");
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "compose-testsend-phone");

        // approve, send, and the letter as sent
        submit(By.cssSelector("form[action$='/godkann'] button"));
        assertTrue(text(".flash").contains("Brevet är godkänt"), browser.getPageSource());
        submit(By.linkText("Skicka…"));
        submit(By.cssSelector("form[action$='/skicka'] button"));
        waitUpTo(120).until(d -> text("#run-state").equals("Klart"));
        assertEquals(LetterState.SENT, fx.app.letters().get(id).state());
        int sent = fx.app.delivery().log().run(id).orElseThrow().recipients();
        open("/brev/" + id);
        assertTrue(text("#sent-count").startsWith(sent + " mottagare"), text("#sent-count"));
        assertTrue(text("#as-sent-note").startsWith("Så här såg brevet ut"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "letter-as-sent-desktop");
    }
}
