package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.utskick.audience.Rule;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.testing.ScriptedSmtpServer;

/**
 * The ombudsman's whole month in headless Chromium (issue 16's first "done when"), signed in once
 * with password and TOTP, on {@code Utskick.wire} with the real embedded MariaDB, GreenMail behind a
 * relay that refuses one address: import the register (a bad line refused with its number, then the
 * fixed file applied); a list of the chairs in region Norr, previewed and saved; the members' letter
 * composed, test-sent ("[Provutskick]" arrives), approved and sent (arrivals in GreenMail, the new
 * member's delivery refused and FAILED); a board letter to three boards; a board's reply read from the
 * mailbox and seen in the inbox and the feedback table; the failed delivery resent from the sending
 * page once the receiver takes it; and a missing-address reminder seen as it was sent. Two steps run
 * as the scheduler would, outside the browser: the reply mailbox poll and the monthly reminder job
 * (neither has a button). Screenshots go to docs/screenshots/month-*.png.
 */
class MonthBrowserTest {
    static final Path SHOTS = Path.of("docs", "screenshots");
    static final String NEW_MEMBER = "ny.medlem@exempel.se";
    static ScriptedSmtpServer relay;
    static WebFixture fx;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        relay = ScriptedSmtpServer.start();
        fx = new WebFixture(300, Map.of("smtp.port", String.valueOf(relay.port())));
        relay.script().relayTo(fx.mail.getSmtp().getPort());
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        fx.close();
        relay.close();
    }

    private static void open(String path) {
        browser.get(fx.base() + path);
    }

    /** A wait that looks again while the page reloads itself (the sending page does when its run is over). */
    private static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds)).ignoring(org.openqa.selenium.WebDriverException.class);
    }

    /** Waits until the sending page shows its run over and has reloaded with the letter sent. */
    private static void awaitSent() {
        waitUpTo(120).until(d -> text("#run-state").equals("Klart") && !d.findElements(By.cssSelector("h1 .state-sent")).isEmpty());
    }

    /** Clicks a submit button and waits until the next page has replaced this one. */
    private static void submit(By button) {
        Chromium.submitAndWait(browser, browser.findElement(button));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void shot(String name) {
        Chromium.screenshot(browser, Chromium.DESKTOP, SHOTS, "month-" + name);
    }

    @Test
    void theOmbudsmansWholeMonth() throws Exception {
        open("/logga-in");
        browser.findElement(By.id("username")).sendKeys(WebFixture.USER);
        browser.findElement(By.id("password")).sendKeys(WebFixture.PASSWORD);
        submit(By.cssSelector("form[action='/logga-in'] button[type=submit]"));
        browser.findElement(By.id("code")).sendKeys(fx.nextCode());
        submit(By.cssSelector("form[action='/logga-in/kod'] button[type=submit]"));
        assertEquals("Översikt", text("h1"));

        importTheRegister();
        listOfTheChairsInNorr();
        long members = composeTestSendAndSendTheMembersLetter();
        long board = boardLetterToThreeBoardsAndItsReply();
        resendTheFailed(members);
        reminderAsSent();
        assertEquals(LetterState.SENT, fx.app.letters().get(board).state());
    }

    /** Step 1: the party's export with one new member, first with a bad region (refused at its line), then fixed. */
    private void importTheRegister() throws Exception {
        Path export = Files.createTempFile("export", ".csv");
        fx.app.register().export(export);
        List<String> lines = new ArrayList<>(Files.readAllLines(export, StandardCharsets.UTF_8));
        List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
        String[] fresh = lines.get(1).split(";", -1);
        String region = fresh[header.indexOf("Region")];
        fresh[header.indexOf("Medlemsnummer")] = "NY700001";
        fresh[header.indexOf("Förnamn")] = "Ysolde";
        fresh[header.indexOf("E-post")] = NEW_MEMBER;
        fresh[header.indexOf("Region")] = "Mitten";
        lines.add(String.join(";", fresh));
        Files.write(export, lines, StandardCharsets.UTF_8);
        open("/register/import");
        browser.findElement(By.id("file")).sendKeys(export.toAbsolutePath().toString());
        submit(By.cssSelector("form[action='/register/import'] button[type=submit]"));
        assertTrue(text("#file-error").contains("rad " + lines.size()) && text("#file-error").contains("”Mitten” är ingen region"),
                text("#file-error"));
        assertTrue(fx.app.register().memberIdByNumber("NY700001").isEmpty(), "nothing of a refused file is applied");
        shot("import-bad-line");

        fresh[header.indexOf("Region")] = region;
        lines.set(lines.size() - 1, String.join(";", fresh));
        Files.write(export, lines, StandardCharsets.UTF_8);
        open("/register/import");
        browser.findElement(By.id("file")).sendKeys(export.toAbsolutePath().toString());
        submit(By.cssSelector("form[action='/register/import'] button[type=submit]"));
        assertTrue(browser.getPageSource().contains("Tillkommer</strong> (1)"), browser.getPageSource());
        submit(By.cssSelector("form[action^='/register/import/'] button[type=submit]"));
        assertTrue(text(".flash").contains("Registret är inläst"), browser.getPageSource());
        assertTrue(fx.app.register().memberIdByNumber("NY700001").isPresent());
        Files.delete(export);
    }

    /** Step 2: the chairs in region Norr, previewed with their number, then saved. */
    private void listOfTheChairsInNorr() {
        open("/listor/ny");
        browser.findElement(By.id("name")).sendKeys("Ordförande i Norr");
        browser.findElement(By.cssSelector("input[name=roles][value=CHAIR]")).click();
        browser.findElement(By.cssSelector("input[name=regions][value=NORTH]")).click();
        submit(By.cssSelector("button[value=preview]"));
        int reach = fx.app.audiences().resolve(Rule.ofRoles("CHAIR").inRegions(List.of("NORTH")), false).recipients();
        assertTrue(reach > 0, "the sample district has chairs in Norr");
        assertTrue(text("#preview-h").contains("Förhandsgranskning") && browser.getPageSource().contains("Når " + reach + " som"),
                browser.getPageSource());
        shot("list-preview");
        submit(By.cssSelector("button[value=save]"));
        assertTrue(text(".flash").contains("Sändlistan är sparad"), browser.getPageSource());
        assertEquals("Ordförande i Norr", text("h1"));
        open("/listor");
        assertTrue(text("main").contains("Ordförande i Norr"), text("main"));
    }

    /** Steps 3 and 4: compose, test-send, approve and send; the new member's receiver refuses. */
    private long composeTestSendAndSendTheMembersLetter() throws Exception {
        long id = newLetter("MEMBERS", List.of());
        browser.findElement(By.id("new-heading")).sendKeys("Höstens studiecirklar");
        browser.findElement(By.id("new-body")).sendKeys("Anmäl dig till **studiecirkeln** senast i oktober.");
        submit(By.cssSelector("form.new-item button[type=submit]"));
        assertTrue(text(".flash").contains("Punkten är tillagd."), browser.getPageSource());

        browser.findElement(By.id("namn")).sendKeys("Ysolde");
        submit(By.cssSelector("form[role=search] button"));
        submit(By.cssSelector("#named a"));
        assertTrue(browser.getCurrentUrl().contains("medlem="), browser.getCurrentUrl());
        browser.findElement(By.id("adress")).sendKeys("korrektur@granskning.example.net");
        submit(By.cssSelector("#provutskick button"));
        assertTrue(text(".flash").contains("Provutskicket är skickat."), browser.getPageSource());
        MimeMessage test = arrived("korrektur@granskning.example.net", 1).getFirst();
        assertTrue(test.getSubject().startsWith("[Provutskick] "), test.getSubject());
        assertTrue(plain(test).contains("Hej Ysolde"), "rendered for the member chosen by name");
        shot("testsend");

        relay.script().refuse(NEW_MEMBER, "550 Rejected");
        submit(By.cssSelector("form[action$='/godkann'] button"));
        assertTrue(text(".flash").contains("Brevet är godkänt"), browser.getPageSource());
        submit(By.linkText("Skicka…"));
        int recipients = fx.app.letters().audienceNow(fx.app.letters().get(id)).recipients();
        assertTrue(text(".confirm").contains("Brevet går till " + recipients + " mottagare"), text(".confirm"));
        submit(By.cssSelector("form[action$='/skicka'] button"));
        awaitSent();
        assertEquals("1", text("#count-FAILED"));
        assertEquals(String.valueOf(recipients - 1), text("#count-SENT"));
        assertTrue(browser.findElements(By.cssSelector("form[action$='/skicka-om'] button")).size() == 1, "resend is offered");
        shot("members-sent");
        String subject = fx.app.letters().get(id).subject();
        long arrived = Arrays.stream(fx.mail.getReceivedMessages()).filter(m -> subject(m).equals(subject)).count();
        assertEquals(recipients - 1, arrived, "every recipient but the refused one got the letter");
        assertTrue(arrived(NEW_MEMBER, 0).isEmpty());
        return id;
    }

    /** Step 5 and 6: a board letter to three boards, sent; one board replies; the inbox and feedback table show it. */
    private long boardLetterToThreeBoardsAndItsReply() throws Exception {
        List<String> three = fx.app.register().associationNames().values().stream().sorted().limit(3).toList();
        long id = newLetter("BOARD", three);
        browser.findElement(By.id("new-heading")).sendKeys("Valplanering i föreningarna");
        browser.findElement(By.id("new-body")).sendKeys("Berätta hur **valarbetet** går i er förening.");
        submit(By.cssSelector("form.new-item button[type=submit]"));
        submit(By.cssSelector("form[action$='/godkann'] button"));
        submit(By.linkText("Skicka…"));
        submit(By.cssSelector("form[action$='/skicka'] button"));
        awaitSent();
        int recipients = fx.app.delivery().log().run(id).orElseThrow().recipients();
        assertEquals(String.valueOf(recipients), text("#count-SENT"));
        String subject = fx.app.letters().get(id).subject();
        List<MimeMessage> got = Arrays.stream(fx.mail.getReceivedMessages()).filter(m -> subject(m).equals(subject)).toList();
        assertEquals(recipients, got.size(), "every board member of the three boards got it");

        MimeMessage received = got.getFirst();
        fx.mailbox.deliver(reply(received, "Re: " + subject, "Vi har tolv valarbetare och fyra nya medlemmar."));
        // the scheduler's mailbox poll, run now instead of waiting for it (there is no button for it)
        assertEquals(1, fx.app.replies().poller().pollOnce().recorded());
        open("/svar");
        assertTrue(text("table.inbox").contains("tolv valarbetare"), text("main"));
        open("/brev/" + id + "/aterkoppling");
        assertTrue(text("main").contains("1 av 3 föreningar har svarat"), text("main"));
        assertEquals(1, browser.findElements(By.cssSelector("table.feedback tr.yes")).size());
        shot("feedback");
        return id;
    }

    /** Step 7: the receiver takes the address again; "Skicka om misslyckade" delivers it. */
    private void resendTheFailed(long id) throws Exception {
        relay.script().acceptEveryRecipient();
        open("/brev/" + id + "/utskick");
        assertEquals("1", text("#count-FAILED"));
        submit(By.cssSelector("form[action$='/skicka-om'] button"));
        assertTrue(text(".flash").contains("De misslyckade leveranserna är köade igen."), browser.getPageSource());
        waitUpTo(60).until(d -> fx.app.letters().get(id).state() == LetterState.SENT);
        open("/brev/" + id + "/utskick");
        assertEquals("0", text("#count-FAILED"));
        assertEquals("Klart", text("#run-state"));
        List<MimeMessage> got = arrived(NEW_MEMBER, 1);
        assertEquals(fx.app.letters().get(id).subject(), got.getFirst().getSubject());
        assertEquals(1, got.size(), "sent once");
        shot("resent");
    }

    /** Step 8: the monthly missing-address reminder (the scheduler's job, run now) seen as its officer got it. */
    private void reminderAsSent() throws Exception {
        fx.app.reminders().sendAddressReminders();
        Letter reminder = fx.app.letters().reading().recent(LetterKind.REMINDER, 1).getFirst();
        long until = System.currentTimeMillis() + 60_000;
        while (fx.app.letters().get(reminder.id()).state() != LetterState.SENT) {
            assertTrue(System.currentTimeMillis() < until, "the reminder is sent within a minute");
            Thread.sleep(100);
        }
        LoggedDelivery d = fx.app.delivery().log().deliveries(reminder.id(), Optional.empty(), 1).getFirst();
        assertEquals(DeliveryState.SENT, d.state());
        var to = fx.app.delivery().log().sentTo(reminder.id(), d.id()).orElseThrow();
        String subject = fx.app.letters().get(reminder.id()).subject();
        MimeMessage got = arrived(to.email(), 1).stream().filter(m -> subject(m).equals(subject)).findFirst().orElseThrow();
        int sentTo = fx.app.delivery().log().run(reminder.id()).orElseThrow().recipients();

        open("/brev/" + reminder.id());
        assertTrue(text("#sent-count").startsWith(sentTo + " mottagare fick brevet när det skickades."), text("#sent-count"));
        submit(By.cssSelector("a[href*='?leverans=" + d.id() + "']"));
        assertTrue(text("#as-sent-note").startsWith("Så här såg brevet ut"), text("main"));
        browser.switchTo().frame("preview-frame");
        String shown = browser.findElement(By.tagName("body")).getText();
        browser.switchTo().defaultContent();
        String received = plain(got);
        List<String> numbers = received.lines().filter(s -> s.contains("medlemsnummer"))
                .map(s -> s.replaceAll(".*medlemsnummer\\s+(\\S+).*", "$1")).toList();
        assertTrue(!numbers.isEmpty(), received);
        for (String number : numbers) {
            assertTrue(shown.contains(number), "the member the officer got is shown as sent: " + number + "\n" + shown);
        }
        shot("reminder-as-sent");
    }

    /** Creates a letter from the letters page; returns its id. */
    private static long newLetter(String kind, List<String> associations) {
        open("/brev");
        browser.findElement(By.cssSelector("details summary")).click();
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        browser.findElement(By.id("period")).sendKeys(YearMonth.now().plusMonths(kind.equals("BOARD") ? 2 : 3).toString());
        Select assoc = new Select(browser.findElement(By.id("associations")));
        associations.forEach(assoc::selectByVisibleText);
        submit(By.cssSelector("form[action='/brev'] button[type=submit]"));
        assertTrue(text(".flash").contains("Brevet är skapat"), browser.getPageSource());
        return Long.parseLong(browser.getCurrentUrl().replaceAll(".*/brev/(\\d+).*", "$1"));
    }

    /** Waits until {@code n} messages to {@code address} are in GreenMail (0: none after a short wait). */
    private static List<MimeMessage> arrived(String address, int n) throws Exception {
        long until = System.currentTimeMillis() + (n == 0 ? 500 : 10_000);
        List<MimeMessage> got;
        do {
            got = Arrays.stream(fx.mail.getReceivedMessages()).filter(m -> to(m).equalsIgnoreCase(address)).toList();
            if (n > 0 && got.size() >= n) {
                return got;
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < until);
        assertEquals(n, got.size(), "messages to " + address);
        return got;
    }

    /** The text/plain part of {@code p}, or null. */
    private static String plain(jakarta.mail.Part p) throws Exception {
        if (p.getContent() instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String s = plain(mp.getBodyPart(i));
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        return p.isMimeType("text/plain") ? (String) p.getContent() : null;
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
        r.setFrom(new InternetAddress(to(original)));
        r.setRecipients(MimeMessage.RecipientType.TO, original.getHeader("Reply-To", null));
        r.setSubject(subject, "UTF-8");
        r.setHeader("In-Reply-To", original.getMessageID());
        r.setHeader("References", original.getMessageID());
        r.setText(text, "UTF-8");
        r.saveChanges();
        return r;
    }
}
