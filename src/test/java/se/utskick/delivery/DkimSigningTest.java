package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.ConfigException;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards DKIM and the wire: the envelope sender is the VERP bounce address and the message carries
 * no Return-Path of its own; the bytes that arrived at the server verify against the public key under an
 * independent verifier, the signature covers List-Unsubscribe and List-Unsubscribe-Post (RFC 8058
 * §4), and an unreadable key stops the start with a message naming the key.
 */
class DkimSigningTest {
    @TempDir
    Path dir;
    private Database db;
    private ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.fresh();
        smtp = ScriptedSmtpServer.start(SmtpScript.faults());
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
        db.close();
    }

    @Test
    void messageAsReceivedVerifiesAndSignsTheUnsubscribeHeaders() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Path keyFile = dir.resolve("dkim.der");
        Files.write(keyFile, keys.getPrivate().getEncoded());
        TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
        Config cfg = TestDelivery.config(smtp.port(), "dkim.domain", "varmland.example.org", "dkim.selector", "utskick",
                "dkim.private.key.file", keyFile.toString());
        Delivery d = TestDelivery.delivery(db, cfg, new TestLetter(true, false).approve(5), new RecordingInvalidAddresses());
        d.send(5);
        try (SenderPool pool = d.senders()) {
            pool.start();
            TestDelivery.awaitDone(d, 5, Duration.ofSeconds(30));
        }
        List<ScriptedSmtpServer.Received> got = smtp.to("asa@example.org");
        assertEquals(1, got.size());
        Map<String, String> tags = DkimVerifier.verify(got.getFirst().data(), keys.getPublic());
        assertEquals("varmland.example.org", tags.get("d"));
        assertEquals("utskick", tags.get("s"));
        String h = tags.get("h").toLowerCase(Locale.ROOT);
        for (String header : List.of("from", "subject", "list-unsubscribe", "list-unsubscribe-post", "message-id")) {
            assertTrue((":" + h + ":").contains(":" + header + ":"), "signed headers " + h + " lack " + header);
        }
        assertTrue(got.getFirst().text().contains("Subject: =?UTF-8?"), "DKIM left the encoded subject alone");
        String token = d.tokens().issue(d.log().deliveries(5, java.util.Optional.empty(), 1).getFirst().id());
        assertEquals("bounce+" + token + "@varmland.example.org", got.getFirst().mailFrom(), "VERP envelope sender");
        assertTrue(!got.getFirst().text().contains("Return-Path:"), "no Return-Path header of our own");
    }

    @Test
    void unreadableKeyIsRefusedNamingTheKey() throws Exception {
        Path keyFile = dir.resolve("broken.der");
        Files.writeString(keyFile, "not a key");
        Config cfg = TestDelivery.config(smtp.port(), "dkim.domain", "varmland.example.org", "dkim.selector", "utskick",
                "dkim.private.key.file", keyFile.toString());
        String m = assertThrows(ConfigException.class, () -> TestDelivery.delivery(db, cfg, new TestLetter(true, false),
                new RecordingInvalidAddresses())).getMessage();
        assertTrue(m.contains("dkim.private.key.file"), m);
    }
}
