package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.GreenMailConfig;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.testing.PythonDkim;

/**
 * Guards the body's short way to the socket ({@link WireBody}) through the composition root: a
 * members' letter whose text has paragraphs that begin with "." (one is only ".", which would end
 * DATA early if it were not doubled) is rendered canonical — so the workers really take the short
 * way — and sent by two workers to GreenMail; every message arrives whole, its text part keeps the
 * dots, and every DKIM signature verifies with Debian's python3-dkim, which shares no code with us.
 */
class BodyOnTheWireTest {
    @Test
    void linesThatBeginWithADotArriveWholeAndSigned(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Path keyFile = Files.write(dir.resolve("dkim.der"), keys.getPrivate().getEncoded());
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (Database db = TestDatabase.fresh()) {
            AudienceFixture.generate(db, 60, 5);
            Map<String, String> cfg = new HashMap<>();
            cfg.put("security.secret", se.utskick.TestSecret.VALUE);
            cfg.put("smtp.host", "127.0.0.1");
            cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
            cfg.put("smtp.starttls", "off");
            cfg.put("mail.domain", GreenMailConfig.DOMAIN);
            cfg.put("letters.templates.dir", dir.resolve("none").toString());
            cfg.put("delivery.poll.interval", "PT0.05S");
            cfg.put("delivery.workers", "2");
            cfg.put("dkim.domain", GreenMailConfig.DOMAIN);
            cfg.put("dkim.selector", "utskick");
            cfg.put("dkim.private.key.file", keyFile.toString());
            Utskick app = Utskick.wire(Config.of(cfg), db);
            Letter l = app.letters().create(LetterKind.MEMBERS, "2026-04", List.of(), null);
            app.letters().addItemText(l.id(), "Punkter", "Före.\n\n.\n\n.punkt först\n\n..två punkter");
            app.letters().approve(l.id());

            // the real letter is canonical and has lines that begin with a dot: the workers write it the short way
            LetterRenderer renderer = new LetterRenderer(l.id(), app.letters().composer().prepare(l.id()),
                    app.delivery().config(), app.delivery().tokens(), null);
            OutgoingMessage one = renderer.render(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new ClaimedDelivery(1, l.id(), 1L, "a@varmland.example.org", "Åsa", "Öberg", null, 1, Instant.now(), null),
                    new MessageBytes(1024));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            one.writeTo(bytes);
            byte[] b = bytes.toByteArray();
            assertTrue(WireBody.dotLines(b, b.length) >= 3, "canonical, with the three dot lines of the text part");

            int frozen = app.delivery().send(l.id());
            app.delivery().senders().start();
            try {
                assertTrue(mail.waitForIncomingEmail(60_000, frozen), "expected " + frozen + " messages");
                long end = System.nanoTime() + 30_000_000_000L;
                while (app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            } finally {
                app.delivery().senders().stop();
            }
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(frozen, received.length);
            for (int i = 0; i < received.length; i++) {
                String text = GreenMailUtil.getBody(((Multipart) received[i].getContent()).getBodyPart(0));
                String decoded = new String(jakarta.mail.internet.MimeUtility.decode(
                        new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "quoted-printable")
                        .readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(decoded.contains("\r\n.\r\n") && decoded.contains("\r\n.punkt först\r\n")
                        && decoded.contains("\r\n..två punkter"), "the dots arrive as written: " + decoded);
            }
            String report = PythonDkim.verify(dir, received, keys.getPublic(), GreenMailConfig.DOMAIN, Duration.ofMinutes(2)).text();
            assertTrue(report.startsWith("checked " + frozen + " invalid 0"), report);
        } finally {
            mail.stop();
        }
    }
}
