package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.GreenMailConfig;
import se.utskick.TestDatabase;
import se.utskick.TestSecret;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards the claim turn ({@link SenderPool#inClaimTurn}) through the composition root: a process's
 * workers claim one at a time, and a worker stopped while it waits for its turn gives up at once,
 * without claiming, instead of waiting for a turn that a hung claim may hold for a whole timeout.
 */
class ClaimTurnTest {

    @Test
    void workersWaitingForTheirTurnToClaimStopAtOnceInsteadOfWaitingForTheTurn(@TempDir Path dir) throws Exception {
        try (Database db = TestDatabase.fresh(); ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            AudienceFixture.generate(db, 40, 7);
            Map<String, String> cfg = new HashMap<>();
            cfg.put("security.secret", TestSecret.VALUE);
            cfg.put("smtp.host", "127.0.0.1");
            cfg.put("smtp.port", String.valueOf(smtp.port()));
            cfg.put("smtp.starttls", "off");
            cfg.put("mail.domain", GreenMailConfig.DOMAIN);
            cfg.put("letters.templates.dir", dir.resolve("none").toString());
            cfg.put("delivery.poll.interval", "PT0.05S");
            cfg.put("delivery.workers", "2");
            Utskick app = Utskick.wire(Config.of(cfg), db);
            Letter l = app.letters().create(LetterKind.MEMBERS, "2026-05", List.of(), null);
            app.letters().addItemText(l.id(), "Möte", "Välkommen!");
            app.letters().approve(l.id());
            int frozen = app.delivery().send(l.id());
            assertTrue(frozen > 0);

            SenderPool pool = app.delivery().senders();
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = Thread.ofPlatform().start(() -> {
                try {
                    pool.inClaimTurn(() -> {
                        held.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(held.await(10, TimeUnit.SECONDS));
            pool.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waitingForTheTurn() < 2) { // both workers' first claims wait for the turn this test holds
                assertTrue(System.nanoTime() < until, "the workers never reached their claim turn");
                Thread.sleep(20);
            }
            long start = System.nanoTime();
            pool.stop(Duration.ofSeconds(10));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            release.countDown();
            holder.join();
            assertTrue(tookMillis < 5000, "the stop waited " + tookMillis + " ms for a claim turn held elsewhere");
            int unclaimed = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM delivery WHERE state = 'QUEUED' AND claimed_by IS NULL AND attempts = 0")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(frozen, unclaimed, "a stopped worker claims nothing after its turn");
        }
    }

    /** Sender worker threads parked in {@link SenderPool#inClaimTurn}. */
    private static long waitingForTheTurn() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("sender-") && e.getKey().getState() == Thread.State.WAITING)
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("inClaimTurn")))
                .count();
    }
}
