package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards the threading contract of {@link RecipientSource}: a threaded query's sixth column is
 * written as In-Reply-To and References (RFC 5322 §3.6.4) of that recipient's message; the usual
 * five-column query still works and writes neither; and a value that is not a Message-ID (a line
 * break, no angle brackets) never reaches the wire: the delivery fails, logged, and nothing is
 * injected.
 */
class DeliveryThreadingTest {
    private Database db;
    private EmbeddedMailServer mail;

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

    private Delivery sendThreaded(long letterId, String inReplyTo) throws Exception {
        TestLetter letter = new TestLetter(false, true).approve(letterId);
        RecipientSource threaded = id -> new RecipientSource.Query("SELECT id, email, first_name, last_name, association_id, ? "
                + "FROM member WHERE status = 'ACTIVE' AND email_status = 'OK' AND ? > 0", List.of(inReplyTo, id), true);
        Delivery d = new Delivery(db, DeliveryConfig.from(TestDelivery.config(mail.smtpPort())), TestDelivery.KEYRING, threaded,
                letter, letter, (m, e, r) -> { }, Clock.systemUTC());
        d.send(letterId);
        try (SenderPool pool = d.senders()) {
            pool.start();
            TestDelivery.awaitDone(d, letterId, Duration.ofSeconds(30));
        }
        return d;
    }

    @Test
    void threadedRecipientGetsInReplyToAndReferencesOfTheEarlierMessage() throws Exception {
        TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        sendThreaded(21, "<abc123@varmland.example.org>");
        MimeMessage m = mail.greenMail().getReceivedMessages()[0];
        assertArrayEquals(new String[] {"<abc123@varmland.example.org>"}, m.getHeader("In-Reply-To"));
        assertArrayEquals(new String[] {"<abc123@varmland.example.org>"}, m.getHeader("References"));
    }

    @Test
    void unthreadedLetterCarriesNoInReplyTo() throws Exception {
        TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        TestLetter letter = new TestLetter(false, false).approve(22);
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(mail.smtpPort()), letter, (m, e, r) -> { });
        d.send(22);
        try (SenderPool pool = d.senders()) {
            pool.start();
            TestDelivery.awaitDone(d, 22, Duration.ofSeconds(30));
        }
        MimeMessage m = mail.greenMail().getReceivedMessages()[0];
        assertNull(m.getHeader("In-Reply-To"));
        assertNull(m.getHeader("References"));
    }

    @Test
    void inReplyToWithALineBreakCannotInjectAHeaderAndFailsTheDelivery() throws Exception {
        TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        Delivery d = sendThreaded(23, "<a@b>\r\nBcc: victim@example.org");
        assertEquals(0, mail.greenMail().getReceivedMessages().length);
        LoggedDelivery failed = d.log().deliveries(23, java.util.Optional.of(DeliveryState.FAILED), 10).getFirst();
        assertTrue(failed.lastReply().contains("line break"), failed.lastReply());
    }

    @Test
    void inReplyToThatIsNotAMessageIdFailsTheDelivery() throws Exception {
        TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        Delivery d = sendThreaded(24, "no-brackets@example.org");
        assertEquals(0, mail.greenMail().getReceivedMessages().length);
        LoggedDelivery failed = d.log().deliveries(24, java.util.Optional.of(DeliveryState.FAILED), 10).getFirst();
        assertTrue(failed.lastReply().contains("Message-ID"), failed.lastReply());
    }
}
