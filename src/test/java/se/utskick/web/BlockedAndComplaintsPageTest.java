package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards that the letter's sending page warns the ombudsman, in Swedish, of what the receivers
 * refused because of us (per receiving domain, with the receiver's answer and what to check: SPF,
 * DKIM, DMARC, blocklists) and of spam complaints about a letter to a role, which cannot unsubscribe
 * anyone. Everything goes through the real graph: SMTP, the IMAP reply mailbox, the poller, the page.
 */
class BlockedAndComplaintsPageTest {
    private WebFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void theSendingPageCountsRefusalsByDomainWithTheReceiversTextAndWarnsOfComplaints(@TempDir Path dir) throws Exception {
        fx = new WebFixture(240);
        String association = fx.app.register().associationNames().values().stream().sorted().findFirst().orElseThrow();
        var l = fx.app.letters().create(LetterKind.TARGETED, null, List.of(association), null);
        fx.app.letters().setSubject(l.id(), "Kallelse");
        fx.app.letters().addItem(l.id(), "Möte", Files.writeString(dir.resolve("m.md"), "Välkomna!"));
        fx.app.letters().approve(l.id());
        fx.app.delivery().send(l.id());
        long end = System.nanoTime() + 60_000_000_000L;
        while (fx.app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        List<LoggedDelivery> sent = fx.app.delivery().log().deliveries(l.id(), Optional.of(DeliveryState.SENT), 10);
        assertTrue(sent.size() >= 2, "the letter went to at least two board members");
        LoggedDelivery refused = sent.get(0);
        LoggedDelivery complained = sent.get(1);
        deliver(dsn(refused, "5.7.606", "smtp;550 5.7.606 Access denied, banned sending IP [192.0.2.10]."));
        deliver(arf(complained));
        assertEquals(2, fx.app.replies().poller().pollOnce().recorded());

        String page = fx.signedIn().get("/brev/" + l.id() + "/utskick").body();
        String domain = refused.email().substring(refused.email().indexOf('@') + 1);
        assertTrue(page.contains("Mottagande servrar vägrade ta emot brevet från oss"), page);
        assertTrue(page.contains("<td>" + domain + "</td><td>1</td>"), page);
        assertTrue(page.contains("5.7.606 Access denied, banned sending IP"), page);
        assertTrue(page.contains("SPF") && page.contains("DKIM") && page.contains("DMARC") && page.contains("spärrlista"), page);
        assertTrue(page.contains("1 mottagare har anmält brevet som skräppost."), page);
        assertTrue(page.contains("kan inte avregistreras automatiskt"), page);
        String dashboard = fx.signedIn().get("/").body();
        assertTrue(dashboard.contains("1 mottagare av \"Kallelse\" fick inte brevet") || dashboard.contains("1 mottagare av &quot;Kallelse&quot; fick inte brevet"),
                dashboard);
        assertTrue(dashboard.contains("/brev/" + l.id() + "/utskick#blocked"), dashboard);
        assertEquals("OK", fx.db.withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT email_status FROM member WHERE id = ?")) {
                ps.setLong(1, refused.memberId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }), "the refused member's address is not marked");
    }

    private void deliver(String raw) throws Exception {
        fx.mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    private static String token(LoggedDelivery d) {
        return d.messageId().replaceAll("^<|@.*$", "");
    }

    private static String dsn(LoggedDelivery d, String status, String diagnostic) {
        return String.join("\n", "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                "To: bounce+" + token(d) + "@varmland.example.org", "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <dsn-page@mx.example.org>", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "",
                "--b", "Content-Type: text/plain", "", "Not delivered.", "--b", "Content-Type: message/delivery-status", "",
                "Reporting-MTA: dns; mx.example.org", "", "Final-Recipient: rfc822; " + d.email(), "Action: failed",
                "Status: " + status, "Diagnostic-Code: " + diagnostic, "", "--b--", "");
    }

    private static String arf(LoggedDelivery d) {
        return String.join("\n", "From: Feedback Loop <fbl@isp.example>", "To: abuse@varmland.example.org",
                "Subject: FW: Kallelse", "Message-ID: <arf-page@isp.example>", "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf\"", "",
                "--arf", "Content-Type: text/plain", "", "This is an email abuse report.",
                "--arf", "Content-Type: message/feedback-report", "", "Feedback-Type: abuse", "Version: 1", "",
                "--arf", "Content-Type: text/rfc822-headers", "", "Message-ID: " + d.messageId(), "Subject: Kallelse", "",
                "--arf--", "");
    }
}
