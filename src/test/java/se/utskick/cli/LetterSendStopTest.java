package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.bench.SyntheticRegister;
import se.utskick.db.Database;
import se.utskick.delivery.SenderPool;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards Ctrl-C (SIGTERM) on {@code letter send} (issue 12, finding 2): the process records every
 * message its workers sent and gives back every row they held before it exits, so nothing is sent
 * twice and no row waits for its lease (it used to die mid-batch: 120 duplicates and a 5-minute stall).
 */
class LetterSendStopTest {
    private static final int MEMBERS = 3000;
    @TempDir
    Path dir;

    @Test
    void sigtermOnLetterSendRecordsWhatWasSentAndLeavesNothingLeased() throws Exception {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 4); ScriptedSmtpServer smtp = ScriptedSmtpServer.start(new SmtpScript().countOnly())) {
            SyntheticRegister.fill(db, MEMBERS, "example.org");
            Map<String, String> cfg = new HashMap<>(Map.of("db.url", url, "db.user", TestDatabase.USER, "db.password", TestDatabase.password(),
                    "security.secret", se.utskick.TestSecret.VALUE, "smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtp.port()),
                    "smtp.starttls", "off", "mail.domain", "varmland.example.org", "letters.templates.dir", dir.resolve("none").toString(),
                    "delivery.rate.per.second", "400"));
            cfg.put("delivery.poll.interval", "PT0.2S");
            Path config = dir.resolve("utskick.properties");
            StringBuilder file = new StringBuilder();
            cfg.forEach((k, v) -> file.append(k).append(" = ").append(v).append('\n'));
            Files.writeString(config, file);
            Utskick app = Utskick.wire(Config.of(cfg), db);
            Letter l = app.letters().create(LetterKind.MEMBERS, "2031-06", List.of(), null);
            app.letters().addItem(l.id(), "Nyheter", Files.writeString(dir.resolve("item.md"), "Välkommen till **våren**!"));
            int recipients = app.letters().approve(l.id()).recipients();

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = new File("target/letter-send-stop.log");
            Process send = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--config", config.toString(), "letter", "send", String.valueOf(l.id()))
                    .redirectErrorStream(true).redirectOutput(log).start();
            try {
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (smtp.accepted() < recipients / 3 && send.isAlive() && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertTrue(send.isAlive(), "letter send was still sending: " + Files.readString(log.toPath()));
                send.destroy(); // SIGTERM: what Ctrl-C does to the JVM's shutdown hooks
                assertTrue(send.waitFor(20, TimeUnit.SECONDS), "letter send exits after SIGTERM");
            } finally {
                send.destroyForcibly();
            }
            long accepted = smtp.accepted();
            int sent = AudienceFixture.count(db, "SELECT COUNT(*) FROM delivery WHERE state = 'SENT' AND letter_id = " + l.id());
            int held = AudienceFixture.count(db, "SELECT COUNT(*) FROM delivery WHERE state IN ('QUEUED', 'DEFERRED') "
                    + "AND due_at > NOW(3) AND letter_id = " + l.id());
            System.out.printf("letter send SIGTERM: %d of %d accepted, %d recorded SENT, %d rows still leased%n",
                    accepted, recipients, sent, held);
            assertEquals(accepted, sent, "every message the server accepted is recorded: " + Files.readString(log.toPath()));
            assertEquals(0, held, "no row waits for a lease to run out");

            SenderPool pool = app.delivery().senders();
            pool.start();
            try {
                long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
            } finally {
                pool.stop(Duration.ofSeconds(5));
            }
            assertEquals(LetterState.SENT, app.letters().get(l.id()).state());
            assertEquals(recipients, smtp.perRecipient.size(), "nobody lost");
            assertEquals(0, smtp.duplicates(), "nothing sent twice");
        }
    }
}
