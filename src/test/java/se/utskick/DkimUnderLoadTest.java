package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.testing.PythonDkim;

/**
 * Guards DKIM under concurrency (issue 13, finding 1): a members' letter to over 2,000 recipients,
 * sent by 4 sender workers through the composition root into GreenMail, and every message as it
 * arrived is verified by an independent verifier (Debian's python3-dkim, {@code dkim/verify_folder.py},
 * fed the public key instead of DNS). With the signer shared by all workers about 1% failed.
 */
class DkimUnderLoadTest {
    @Test
    void everySignatureOfTwoThousandMessagesOverFourWorkersVerifies(@TempDir Path dir) throws Exception {
        Process probe = new ProcessBuilder(PythonDkim.PYTHON, "-c", "import dkim").redirectErrorStream(true).start();
        assertEquals(0, probe.waitFor(), "python3-dkim is needed at " + PythonDkim.PYTHON + " (apt-get install python3-dkim)");
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Path keyFile = Files.write(dir.resolve("dkim.der"), keys.getPrivate().getEncoded());
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (Database db = TestDatabase.fresh()) {
            AudienceFixture.generate(db, 2500, 13);
            Map<String, String> cfg = new HashMap<>();
            cfg.put("security.secret", se.utskick.TestSecret.VALUE);
            cfg.put("smtp.host", "127.0.0.1");
            cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
            cfg.put("smtp.starttls", "off");
            cfg.put("mail.domain", GreenMailConfig.DOMAIN);
            cfg.put("delivery.poll.interval", "PT0.05S");
            cfg.put("letters.templates.dir", dir.resolve("none").toString());
            cfg.put("delivery.workers", "4");
            cfg.put("delivery.batch.size", "20");
            cfg.put("dkim.domain", GreenMailConfig.DOMAIN);
            cfg.put("dkim.selector", "utskick");
            cfg.put("dkim.private.key.file", keyFile.toString());
            Utskick app = Utskick.wire(Config.of(cfg), db);
            Letter l = app.letters().create(LetterKind.MEMBERS, "2026-03", List.of(), null);
            app.letters().addItemText(l.id(), "Årsmöte i Åmål", "Välkommen på **årsmötet** i Åmål – alla är välkomna!");
            int approved = app.letters().approve(l.id()).recipients();
            assertTrue(approved >= 2000, "the fixture must give at least 2,000 recipients, gave " + approved);
            int frozen = app.delivery().send(l.id());
            app.delivery().senders().start();
            try {
                assertTrue(mail.waitForIncomingEmail(180_000, frozen), "expected " + frozen + " messages");
                long end = System.nanoTime() + 60_000_000_000L;
                while (app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            } finally {
                app.delivery().senders().stop();
            }
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(frozen, received.length);
            PythonDkim.Report r = PythonDkim.verify(dir, received, keys.getPublic(), GreenMailConfig.DOMAIN, Duration.ofMinutes(5));
            String report = r.text();
            System.out.println("python3-dkim: " + report.lines().findFirst().orElse(""));
            assertTrue(report.startsWith("checked " + frozen + " invalid 0"), report.length() > 4000 ? report.substring(0, 4000) : report);
            assertEquals(0, r.exitCode(), report);
        } finally {
            mail.stop();
        }
    }
}
