package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards what arrives: each recipient of a letter receives exactly one message through a real
 * GreenMail server, with every header of the design (Message-ID, Reply-To and envelope sender
 * carrying the signed token, List-Id, one-click List-Unsubscribe, Auto-Submitted), RFC 2047
 * Swedish subject and names, IDN domains in ASCII, and both parts decoding to the right text; and
 * a name with CRLF cannot inject a header.
 */
class DeliveryMessageTest {
    private Database db;
    private EmbeddedMailServer mail;
    private final RecordingInvalidAddresses invalid = new RecordingInvalidAddresses();

    @BeforeEach
    void start() {
        db = TestDatabase.fresh();
        mail = EmbeddedMailServer.start(0, 0);
    }

    @AfterEach
    void stop() {
        mail.close();
        db.close();
    }

    private Delivery sendAll(TestLetter letter, long letterId) throws Exception {
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(mail.smtpPort()), letter.approve(letterId), invalid);
        d.send(letterId);
        try (SenderPool pool = d.senders()) {
            pool.start();
            TestDelivery.awaitDone(d, letterId, Duration.ofSeconds(30));
        }
        return d;
    }

    @Test
    void eachRecipientReceivesOneMessageWithEveryHeaderAndSwedishText() throws Exception {
        long asa = TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        TestDelivery.member(db, "Björn", "Ärlig", "bjorn@räksmörgås.se", "OK");
        TestDelivery.member(db, "Märta", "Sjögren", "marta@example.org", "OK");
        TestDelivery.member(db, "Utan", "Adress", null, "MISSING");
        TestLetter letter = new TestLetter(true, false);
        Delivery d = sendAll(letter, 7);

        MimeMessage[] got = mail.greenMail().getReceivedMessages();
        Map<String, Long> perRecipient = Arrays.stream(got).collect(Collectors.groupingBy(
                m -> recipient(m), Collectors.counting()));
        assertEquals(Map.of("asa@example.org", 1L, "bjorn@xn--rksmrgs-5wao1o.se", 1L, "marta@example.org", 1L), perRecipient);

        MimeMessage m = Arrays.stream(got).filter(x -> recipient(x).equals("asa@example.org")).findFirst().orElseThrow();
        LoggedDelivery logged = d.log().deliveries(7, java.util.Optional.empty(), 10).stream()
                .filter(x -> x.memberId() == asa).findFirst().orElseThrow();
        String token = d.tokens().issue(logged.id());
        assertEquals(TestLetter.SUBJECT, m.getSubject());
        assertTrue(m.getHeader("Subject")[0].startsWith("=?UTF-8?"), "subject is RFC 2047 encoded");
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals("Vänsterpartiet Värmland", from.getPersonal());
        assertEquals("distriktet@varmland.example.org", from.getAddress());
        assertEquals("Åsa Öberg", ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal());
        assertEquals("<" + token + "@varmland.example.org>", m.getMessageID());
        assertEquals(m.getMessageID(), logged.messageId());
        assertEquals("reply+" + token + "@varmland.example.org", ((InternetAddress) m.getReplyTo()[0]).getAddress());
        assertEquals("<bounce+" + token + "@varmland.example.org>", m.getHeader("Return-Path")[0]);
        assertEquals("Medlemsbrevet <members.varmland.example.org>", m.getHeader("List-Id")[0]);
        assertEquals("letter-7:members:varmland.example.org:utskick", m.getHeader("Feedback-ID")[0], "Gmail's campaign:kind:district:sender");
        assertEquals("<https://varmland.example.org/u/" + token + ">, <mailto:unsubscribe+" + token + "@varmland.example.org>",
                m.getHeader("List-Unsubscribe", null).replaceAll("\\r\\n\\s+", " "));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        assertNull(m.getHeader("Auto-Submitted"));
        assertTrue(m.isMimeType("multipart/alternative"));
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals(TestLetter.text("Åsa").replace("\n", "\r\n"), parts.getBodyPart(0).getContent());
        assertEquals(TestLetter.html("Åsa"), parts.getBodyPart(1).getContent());

        assertEquals(List.of("startSending 7", "finished 7"), letter.calls);
        SendRun run = d.log().run(7).orElseThrow();
        assertEquals(SendRunState.FINISHED, run.state());
        assertEquals(3, run.count(DeliveryState.SENT));
    }

    @Test
    void automaticLetterIsMarkedAutoSubmittedAndOffersNoUnsubscribe() throws Exception {
        TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        sendAll(new TestLetter(false, true), 8);
        MimeMessage m = mail.greenMail().getReceivedMessages()[0];
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        assertNull(m.getHeader("List-Unsubscribe"));
        assertNull(m.getHeader("List-Unsubscribe-Post"));
    }

    @Test
    void nameWithCrLfCannotInjectAHeaderAndIsLoggedAsFailed() throws Exception {
        TestDelivery.member(db, "Eve\r\nBcc: victim@example.org", "Ond", "eve@example.org", "OK");
        TestDelivery.member(db, "Märta", "Sjögren", "marta@example.org", "OK");
        Delivery d = sendAll(new TestLetter(true, false), 9);
        MimeMessage[] got = mail.greenMail().getReceivedMessages();
        assertEquals(1, got.length);
        assertEquals("marta@example.org", recipient(got[0]));
        assertNull(got[0].getHeader("Bcc"));
        assertEquals(0, mail.greenMail().getReceivedMessagesForDomain("victim@example.org").length);
        LoggedDelivery eve = d.log().deliveries(9, java.util.Optional.of(DeliveryState.FAILED), 10).getFirst();
        assertEquals("eve@example.org", eve.email());
        assertTrue(eve.lastReply().contains("line break"), eve.lastReply());
        assertFalse(invalid.marked.contains(eve.memberId() + " eve@example.org"));
    }

    private static String recipient(MimeMessage m) {
        try {
            Function<Address, String> addr = a -> ((InternetAddress) a).getAddress();
            return addr.apply(m.getRecipients(MimeMessage.RecipientType.TO)[0]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
