package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards the ombudsman's month in a real browser (Debian's headless Chromium): sign in; compose a
 * board letter with two items; the preview shows them, and follows the text while it is typed;
 * approve; send after a confirmation that names the number of recipients; the progress reaches
 * done without reloading; a board's reply that arrives in the GreenMail mailbox shows up in the
 * inbox and in the feedback table. And: a wrong password is refused; a form whose CSRF token was
 * removed is refused; an item with {@code <script>} and an {@code onerror} handler runs nothing in
 * the preview. Screenshots for the README go to target/screenshots at desktop and phone widths.
 */
class BrowserTest {
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

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void signIn(String password) {
        browser.manage().deleteAllCookies();
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(WebFixture.USER);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.cssSelector("form[action='/logga-in'] button[type=submit]"));
        if (password.equals(WebFixture.PASSWORD)) {
            browser.findElement(By.id("code")).sendKeys(fx.nextCode());
            submit(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]"));
        }
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    private static void submit(By button) {
        Chromium.submitAndWait(browser, browser.findElement(button));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void addItem(String heading, String body) {
        browser.findElement(By.id("new-heading")).sendKeys(heading);
        browser.findElement(By.id("new-body")).sendKeys(body);
        submit(By.cssSelector("form.new-item button[type=submit]"));
    }

    @Test
    void theOmbudsmansMonthFromComposeToFeedback() throws Exception {
        signIn(WebFixture.PASSWORD);
        assertEquals("Översikt", text("h1"));

        open("/brev");
        browser.findElement(By.cssSelector("details summary")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue("BOARD");
        String period = YearMonth.now().plusMonths(2).toString();
        browser.findElement(By.id("period")).sendKeys(period);
        submit(By.cssSelector("form[action='/brev'] button[type=submit]"));
        assertTrue(text(".flash").contains("Brevet är skapat"), browser.getPageSource());
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/brev/(\\d+).*", "$1"));

        addItem("Valplanering i föreningarna", "Berätta hur **valarbetet** går i er förening.");
        addItem("Medlemsvärvning", "Hur många nya medlemmar har ni fått i höst?");
        assertEquals(2, fx.app.letters().get(id).items().size());
        assertTrue(text("#preview-text").contains("Valplanering i föreningarna"), text("#preview-text"));
        assertTrue(text("#preview-text").contains("Medlemsvärvning"), text("#preview-text"));
        browser.switchTo().frame("preview-frame");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("valarbetet"));
        browser.switchTo().defaultContent();

        browser.findElement(By.id("new-heading")).sendKeys("Utkast");
        browser.findElement(By.id("new-body")).sendKeys("Levande förhandsgranskning");
        waitUpTo(10).until(d -> text("#preview-text").contains("Levande förhandsgranskning"));
        browser.switchTo().frame("preview-frame");
        waitUpTo(10).until(d -> d.findElement(By.tagName("body")).getText().contains("Levande förhandsgranskning"));
        browser.switchTo().defaultContent();
        assertEquals(2, fx.app.letters().get(id).items().size(), "the live preview saves nothing");
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "compose-desktop");
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "compose-phone");
        // the unsaved item is kept and leaving warns: empty it again before going on
        for (String field : new String[] {"new-heading", "new-body"}) {
            browser.findElement(By.id(field)).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        }

        open("/brev/" + id);
        submit(By.cssSelector("form[action$='/godkann'] button"));
        assertTrue(text(".flash").contains("Brevet är godkänt"), browser.getPageSource());
        submit(By.linkText("Skicka…"));
        int recipients = fx.app.letters().audienceNow(fx.app.letters().get(id)).recipients();
        assertTrue(text(".confirm").contains("Brevet går till " + recipients + " mottagare"), text(".confirm"));
        submit(By.cssSelector("form[action$='/skicka'] button"));
        waitUpTo(120).until(d -> text("#run-state").equals("Klart"));
        // the page reloads itself once the run is over: the letter's badge then says sent
        waitUpTo(30).until(d -> !d.findElements(By.cssSelector("h1 .state-sent")).isEmpty());
        assertEquals(String.valueOf(recipients), text("#done").replaceAll("\\D", ""));
        assertEquals(LetterState.SENT, fx.app.letters().get(id).state());
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "sending-desktop");
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "sending-phone");

        MimeMessage received = List.of(fx.mail.getReceivedMessages()).stream().filter(m -> subject(m).contains(period.substring(0, 4)))
                .reduce((a, b) -> b).orElseThrow();
        fx.mailbox.deliver(reply(received, "Re: " + subject(received), "Vi har tolv valarbetare och fyra nya medlemmar."));
        assertEquals(1, fx.app.replies().poller().pollOnce().recorded());
        open("/svar");
        assertTrue(browser.findElement(By.cssSelector("table.inbox")).getText().contains("tolv valarbetare"),
                browser.findElement(By.cssSelector("main")).getText());
        open("/brev/" + id + "/aterkoppling");
        assertTrue(text("main").contains("1 av 30 föreningar har svarat"), text("main"));
        assertEquals(1, browser.findElements(By.cssSelector("table.feedback tr.yes")).size());
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "feedback-desktop");
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "feedback-phone");
        open("/");
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "dashboard-desktop");
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "dashboard-phone");
    }

    @Test
    void theRegisterListsEventsAndLogPagesWorkInTheBrowser() {
        signIn(WebFixture.PASSWORD);
        String lastName = fx.app.register().members(fx.app.register().addressProblems().get(0).association()).get(0).lastName();
        open("/register");
        browser.findElement(By.name("q")).sendKeys(lastName);
        browser.findElement(By.name("q")).submit();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("q="));
        assertTrue(text("main table tbody").contains(lastName), text("main"));
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "register-desktop");
        for (String[] page : new String[][] {{"/listor", "Sändlistor"}, {"/arrangemang", "Arrangemang"}, {"/logg", "Logg"}}) {
            open(page[0]);
            assertTrue(text("h1").contains(page[1]), page[0] + ": " + text("main"));
            Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, page[0].substring(1) + "-desktop");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        signIn("inte-rätt-lösenord");
        assertEquals("Fel användarnamn eller lösenord.", text(".error"));
        open("/");
        assertTrue(browser.getCurrentUrl().endsWith("/logga-in"), browser.getCurrentUrl());
    }

    @Test
    void theCodePageRefusesAWrongCodeInSwedishAndAcceptsTheRightOne() {
        browser.manage().deleteAllCookies();
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(WebFixture.USER);
        browser.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        submit(By.cssSelector("form[action='/logga-in'] button[type=submit]"));
        assertEquals("Tvåstegsverifiering", text("h1"));
        assertEquals("one-time-code", browser.findElement(By.id("code")).getDomAttribute("autocomplete"));
        Chromium.screenshot(browser, Chromium.PHONE, SHOTS, "signin-code-phone");
        browser.findElement(By.id("code")).sendKeys("12a456");
        submit(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]"));
        assertEquals("Fel kod. Koden är sex siffror, utan bokstäver.", text(".error"));
        open("/");
        assertTrue(browser.getCurrentUrl().endsWith("/logga-in"), "half signed in opens nothing: " + browser.getCurrentUrl());
        open("/logga-in/kod");
        browser.findElement(By.id("code")).sendKeys(fx.nextCode());
        submit(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]"));
        assertEquals("Översikt", text("h1"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        signIn(WebFixture.PASSWORD);
        Letter l = fx.app.letters().create(LetterKind.TARGETED, null,
                fx.app.register().associationNames().values().stream().sorted().limit(1).toList(), null);
        open("/brev/" + l.id());
        browser.executeScript("document.querySelector('form.new-item input[name=csrf]').remove()");
        addItem("Rubrik", "Text");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("CSRF"), browser.getPageSource());
        assertEquals(0, fx.app.letters().get(l.id()).items().size());
    }

    @Test
    void scriptInAnItemRunsNothingInThePreview() {
        signIn(WebFixture.PASSWORD);
        Letter l = fx.app.letters().create(LetterKind.TARGETED, null,
                fx.app.register().associationNames().values().stream().sorted().limit(1).toList(), null);
        open("/brev/" + l.id());
        String evil = "Hej <script>alert('x'); parent.document.title='HACKAD'</script> "
                + "<img src=x onerror=\"alert('y'); parent.document.title='HACKAD'\">";
        addItem("Farlig text", evil);
        browser.switchTo().frame("preview-frame");
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("<script>alert('x')"),
                "the script is shown as text");
        browser.switchTo().defaultContent();
        browser.findElement(By.id("new-heading")).sendKeys("Live");
        browser.findElement(By.id("new-body")).sendKeys(evil);
        waitUpTo(10).until(d -> text("#preview-text").contains("onerror"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertFalse(browser.getTitle().contains("HACKAD"), browser.getTitle());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reply as a mail client writes it: from the board member, to the Reply-To, threaded on the Message-ID. */
    private static MimeMessage reply(MimeMessage original, String subject, String text) throws Exception {
        MimeMessage r = new MimeMessage(Session.getInstance(new Properties()));
        r.setFrom(new InternetAddress(((InternetAddress) original.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress()));
        r.setRecipients(MimeMessage.RecipientType.TO, original.getHeader("Reply-To", null));
        r.setSubject(subject, "UTF-8");
        r.setHeader("In-Reply-To", original.getMessageID());
        r.setHeader("References", original.getMessageID());
        r.setText(text, "UTF-8");
        r.saveChanges();
        return r;
    }
}
