package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.delivery.PacingLog;
import se.utskick.delivery.PacingLog.GroupProgress;
import se.utskick.letters.LetterKind;
import se.utskick.smtp.Refusals;
import se.utskick.testing.ScriptedSmtpServer;

/**
 * Guards pacing per receiving domain (issue 18) on the real graph ({@link Utskick#wire}) with a
 * hand-written SMTP server: when one receiving domain answers "too fast", only its group is held
 * back and slowed, and finishes later, while the other domains go on at full pace; the sending
 * status shows the group held back with the receiver's answer; every recipient gets the letter
 * exactly once (counted at the server).
 */
class DomainPacingTest {
    @TempDir
    Path dir;

    private static final String THROTTLE = "451 4.7.28 [192.0.2.10] Our system has detected an unusual rate of unsolicited"
            + " mail originating from your IP address. To protect our users from spam, mail sent from your IP address has"
            + " been temporarily rate limited. Try again later.";

    @Test
    void aDomainThatAnswersTooFastIsHeldBackAndSlowedWhileTheOthersFinishAtFullPace() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
             VerdictHarness h = new VerdictHarness(smtp.port(), Map.of("delivery.pace.hold", "PT3S",
                     "delivery.pace.gmail.per.minute", "6000", "delivery.pace.raise.after", "5", "delivery.workers", "3",
                     "delivery.batch.size", "5"))) {
            long a = h.association("Karlstad");
            for (int i = 1; i <= 30; i++) {
                h.member("G" + i, "g" + i + "@gmail.com", a);
                h.member("O" + i, "o" + i + "@post.example.net", a);
            }
            AtomicInteger gmailRcpts = new AtomicInteger();
            // the third and fourth messages to gmail.com are answered "too fast"; every other is accepted
            smtp.script().rcptRule((to, attempt) -> to.endsWith("@gmail.com") && List.of(3, 4).contains(gmailRcpts.incrementAndGet()) ? THROTTLE : null);

            var l = h.app.letters().create(LetterKind.MEMBERS, "2026-11", List.of(), null);
            h.app.letters().setSubject(l.id(), "Medlemsbrev");
            h.app.letters().addItem(l.id(), "Nytt", Files.writeString(dir.resolve("item.md"), "Hej!"));
            h.app.letters().approve(l.id());
            assertEquals(60, h.app.delivery().send(l.id()));

            GroupProgress heldGmail = null;
            GroupProgress otherSeen = null;
            String statusWhileHeld = null;
            var senders = h.app.delivery().senders();
            senders.start();
            try {
                long end = System.nanoTime() + 60_000_000_000L;
                while (h.count("SELECT COUNT(*) FROM send_run WHERE state = 'RUNNING'") > 0) {
                    assertTrue(System.nanoTime() < end, "still sending after 60 s");
                    for (GroupProgress p : h.app.delivery().pacing().progress(l.id())) {
                        if (p.group().equals("gmail") && p.heldUntil() != null && heldGmail == null) {
                            heldGmail = p;
                            statusWhileHeld = String.join("\n", PacingLog.lines(h.app.delivery().pacing().progress(l.id()), Instant.now()));
                        }
                        if (p.group().equals("other") && otherSeen == null && p.heldBack(Instant.now())) {
                            otherSeen = p;
                        }
                    }
                    Thread.sleep(20);
                }
            } finally {
                senders.stop();
            }

            assertNotNull(heldGmail, "the status showed the gmail group held back");
            assertTrue(heldGmail.reason().contains("4.7.28"), heldGmail.reason());
            assertTrue(statusWhileHeld.matches("(?s).*gmail .*held back until .*4\\.7\\.28.*"), "letter status says why: " + statusWhileHeld);
            assertTrue(statusWhileHeld.matches("(?s).*other .*full pace.*"), statusWhileHeld);
            assertTrue(heldGmail.slowedTo() > 0 && heldGmail.slowedTo() < 6000, "slowed below its configured pace: " + heldGmail);
            assertEquals(null, otherSeen, "the other domains were never held back");
            assertTrue(Refusals.throttling(THROTTLE));

            assertEquals(60, h.count("SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND state = 'SENT'", l.id()), "nothing lost");
            assertEquals(60, smtp.perRecipient.size(), "every recipient got it");
            smtp.perRecipient.forEach((to, n) -> assertEquals(1, n.get(), to + " got it exactly once"));

            Instant otherLast = instant(h, "SELECT MAX(sent_at) FROM delivery WHERE letter_id = ? AND email LIKE '%@post.example.net'", l.id());
            Instant gmailLast = instant(h, "SELECT MAX(sent_at) FROM delivery WHERE letter_id = ? AND email LIKE '%@gmail.com'", l.id());
            assertTrue(otherLast.isBefore(heldGmail.heldUntil()), "the other domains finished before gmail's hold ended: "
                    + otherLast + " vs " + heldGmail.heldUntil());
            assertFalse(gmailLast.isBefore(heldGmail.heldUntil()), "gmail's deferred rows went out after its hold: " + gmailLast);
        }
    }

    private static Instant instant(VerdictHarness h, String sql, long letter) {
        return h.db.withConnection(c -> {
            try (var ps = c.prepareStatement(sql)) {
                ps.setLong(1, letter);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return t.toInstant();
                }
            }
        });
    }
}
