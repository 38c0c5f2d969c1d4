package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards the seam between letters and delivery as wired in the composition root: an approved
 * members' letter is frozen for exactly its audience, every recipient receives one message over
 * real SMTP (GreenMail) whose text and HTML parts are the composed letter with their name and a
 * working unsubscribe link, and the letter ends SENT.
 */
class LettersThroughDeliveryTest {

    @Test
    void approvedMembersLetterArrivesOncePerRecipientAndEndsSent(@TempDir Path dir) throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (Database db = TestDatabase.fresh()) {
            AudienceFixture.generate(db, 60, 4);
            Map<String, String> cfg = new HashMap<>();
            cfg.put("security.secret", se.utskick.TestSecret.VALUE);
            cfg.put("smtp.host", "127.0.0.1");
            cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
            cfg.put("smtp.starttls", "off");
            cfg.put("mail.domain", "varmland.example.org");
            cfg.put("delivery.poll.interval", "PT0.05S");
            cfg.put("letters.templates.dir", dir.resolve("none").toString());
            Utskick app = Utskick.wire(Config.of(cfg), db);
            Letter l = app.letters().create(LetterKind.MEMBERS, "2026-03", List.of(), null);
            app.letters().addItem(l.id(), "Årsmöte i Åmål", Files.writeString(dir.resolve("a.md"), "Välkommen på **årsmötet**!"));
            int approved = app.letters().approve(l.id()).recipients();
            int frozen = app.delivery().send(l.id());
            assertEquals(approved, frozen);
            app.delivery().senders().start();
            try {
                assertTrue(mail.waitForIncomingEmail(30_000, frozen), "expected " + frozen + " messages");
                long end = System.nanoTime() + 30_000_000_000L;
                while (app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            } finally {
                app.delivery().senders().stop();
            }
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(frozen, received.length);
            assertEquals(LetterState.SENT, app.letters().get(l.id()).state());
            MimeMessage m = received[0];
            assertEquals("Värmlandsvänstern informerar – mars 2026", m.getSubject());
            Map<String, String> parts = new HashMap<>();
            collect(m, parts);
            assertTrue(parts.get("text/plain").contains("Välkommen på årsmötet!"), parts.get("text/plain"));
            assertTrue(parts.get("text/html").contains("<strong>årsmötet</strong>"), parts.get("text/html"));
            var https = java.util.regex.Pattern.compile("<(https://[^>]+)>").matcher(m.getHeader("List-Unsubscribe")[0]);
            assertTrue(https.find(), m.getHeader("List-Unsubscribe")[0]);
            String unsubscribe = https.group(1);
            assertTrue(parts.get("text/plain").contains(unsubscribe), unsubscribe + " in " + parts.get("text/plain"));
            assertTrue(m.getHeader("List-Id")[0].contains("members.varmland.example.org"));
        } finally {
            mail.stop();
        }
    }

    private static void collect(Part p, Map<String, String> into) throws Exception {
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                collect(b, into);
            }
        } else if (p.isMimeType("text/plain")) {
            into.put("text/plain", (String) p.getContent());
        } else if (p.isMimeType("text/html")) {
            into.put("text/html", (String) p.getContent());
        }
    }
}
