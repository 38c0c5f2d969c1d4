package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.db.EmbeddedMariaDb;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards that sender workers cannot die (issue 12, finding 1), through the real composition root
 * and the real letters composer: resend-failed of a letter that had finished sends it again and
 * it finishes again; a letter the composer refuses is paused with the reason and the other
 * letters are sent; a database down for 18 s in the middle of a send costs a pause, not the workers.
 */
class WorkerFailureTest {
    @TempDir
    Path dir;

    private Map<String, String> config(int smtpPort) {
        Map<String, String> cfg = new HashMap<>();
        cfg.put("security.secret", se.utskick.TestSecret.VALUE);
        cfg.put("smtp.host", "127.0.0.1");
        cfg.put("smtp.port", String.valueOf(smtpPort));
        cfg.put("smtp.starttls", "off");
        cfg.put("mail.domain", "varmland.example.org");
        cfg.put("delivery.poll.interval", "PT0.05S");
        cfg.put("delivery.retry.backoff", "PT0.05S");
        cfg.put("delivery.retry.backoff.max", "PT0.2S");
        cfg.put("letters.templates.dir", dir.resolve("none").toString());
        return cfg;
    }

    private Letter letter(Utskick app, LetterKind kind) throws Exception {
        Letter l = app.letters().create(kind, "2026-03", List.of(), null);
        app.letters().addItem(l.id(), "Årsmöte i Åmål", Files.writeString(dir.resolve("item-" + l.id() + ".md"), "Välkommen på **årsmötet**!"));
        app.letters().approve(l.id());
        return l;
    }

    @Test
    void resendFailedOfAFinishedLetterSendsItAgainAndItFinishesAgain() throws Exception {
        try (Database db = TestDatabase.fresh(); ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            AudienceFixture.generate(db, 40, 4);
            long refused = firstActiveMember(db);
            exec(db, "UPDATE member SET email = 'p550-refused@example.org' WHERE id = " + refused);
            Utskick app = Utskick.wire(Config.of(config(smtp.port())), db);
            Letter l = letter(app, LetterKind.MEMBERS);
            int frozen = app.delivery().send(l.id());
            SenderPool pool = app.delivery().senders();
            pool.start();
            await(() -> app.letters().get(l.id()).state() == LetterState.SENT, "the letter finished");
            pool.stop(Duration.ofSeconds(5));
            assertEquals(1, app.delivery().log().run(l.id()).orElseThrow().count(DeliveryState.FAILED));
            assertEquals(frozen - 1, smtp.received.size());

            exec(db, "UPDATE member SET email = 'fixed@example.org', email_status = 'OK' WHERE id = " + refused);
            assertEquals(1, app.delivery().resendFailed(l.id()));
            assertEquals(LetterState.SENDING, app.letters().get(l.id()).state(), "a finished letter is sending again");
            assertEquals(SendRunState.RUNNING, app.delivery().log().run(l.id()).orElseThrow().state());

            SenderPool again = app.delivery().senders();
            again.start();
            try {
                await(() -> app.letters().get(l.id()).state() == LetterState.SENT, "the letter finished again");
                assertTrue(again.health().stream().allMatch(h -> h.alive() && h.lastError() == null), again.health().toString());
            } finally {
                again.stop(Duration.ofSeconds(5));
            }
            SendRun run = app.delivery().log().run(l.id()).orElseThrow();
            assertEquals(SendRunState.FINISHED, run.state());
            assertEquals(frozen, run.count(DeliveryState.SENT));
            assertEquals(1, smtp.to("fixed@example.org").size(), "sent through the real composer");
            assertTrue(smtp.to("fixed@example.org").getFirst().text().contains("rsm"), "the letter's text");
            assertEquals(frozen, smtp.received.size());
        }
    }

    @Test
    void aLetterTheComposerRefusesIsPausedWithItsReasonAndTheOtherLetterIsSent() throws Exception {
        try (Database db = TestDatabase.fresh(); ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            AudienceFixture.generate(db, 60, 4);
            exec(db, "INSERT INTO member_role (member_id, role, association_id) VALUES (" + firstActiveMember(db) + ", 'OMBUDSMAN', NULL)");
            Utskick app = Utskick.wire(Config.of(config(smtp.port())), db);
            Letter good = letter(app, LetterKind.MEMBERS);
            Letter bad = letter(app, LetterKind.BOARD);
            int goodCount = app.delivery().send(good.id());
            int badCount = app.delivery().send(bad.id());
            // the composer now refuses the board letter, as it refused a finished letter's resend
            exec(db, "UPDATE letter SET state = 'DRAFT' WHERE id = " + bad.id());
            SenderPool pool = app.delivery().senders();
            pool.start();
            try {
                await(() -> app.letters().get(good.id()).state() == LetterState.SENT, "the good letter finished");
                await(() -> app.delivery().log().run(bad.id()).orElseThrow().state() == SendRunState.PAUSED, "the bad one paused");
                SendRun paused = app.delivery().log().run(bad.id()).orElseThrow();
                assertTrue(paused.pauseReason().contains("is DRAFT"), paused.pauseReason());
                assertEquals(PauseKind.COMPOSE, paused.pauseKind(), "paused because it cannot be composed");
                assertEquals(badCount, paused.waiting(), "nothing of it was sent or given up: " + paused.counts());
                assertEquals(goodCount, app.delivery().log().run(good.id()).orElseThrow().count(DeliveryState.SENT));
                assertTrue(pool.health().stream().allMatch(WorkerHealth::alive), pool.health().toString());
                assertTrue(pool.health().stream().anyMatch(h -> h.lastError() != null && h.lastError().contains("cannot be composed")),
                        pool.health().toString());

                assertEquals(1, count(db, "SELECT COUNT(*) FROM letter WHERE subject = 'Utskicket pausat: " + bad.subject()
                        + "' AND state IN ('SENDING', 'SENT')"), "the ombudsman is told once");

                // fixed, and resumed: it is prepared afresh and finishes
                exec(db, "UPDATE letter SET state = 'SENDING' WHERE id = " + bad.id());
                app.delivery().resume(bad.id());
                assertNull(app.delivery().log().run(bad.id()).orElseThrow().pauseReason());
                assertNull(app.delivery().log().run(bad.id()).orElseThrow().pauseKind());
                await(() -> app.letters().get(bad.id()).state() == LetterState.SENT, "the fixed letter finished");
            } finally {
                pool.stop(Duration.ofSeconds(5));
            }
            long notices = count(db, "SELECT COUNT(*) FROM delivery d JOIN letter l ON l.id = d.letter_id "
                    + "WHERE l.subject LIKE 'Utskicket pausat:%' AND d.state = 'SENT'");
            assertEquals(goodCount + badCount + notices, smtp.received.size());
            assertEquals(1, notices, "the notice went to the ombudsman");
            assertTrue(smtp.received.stream().anyMatch(r -> r.text().contains("is DRAFT") && r.text().contains("letter resume")),
                    "the notice names the reason and what to do");
        }
    }

    /** A server of its own, stopped for 18 s in the middle of a send and started again on the same port and data. */
    @Test
    void aDatabaseRestartInTheMiddleOfASendDoesNotKillTheWorkers() throws Exception {
        Path home = Path.of("target", "outage-mariadb");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedMariaDb server = EmbeddedMariaDb.open(home, port);
        String name = "outage" + ProcessHandle.current().pid();
        server.createDatabase(name);
        try (Database db = Database.onUrl(server.jdbcUrl(name), server.user(), server.password(), 6); ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            AudienceFixture.generate(db, 600, 4);
            Map<String, String> cfg = config(smtp.port());
            cfg.put("delivery.workers", "4");
            cfg.put("delivery.batch.size", "10");
            cfg.put("delivery.rate.per.second", "40");
            Utskick app = Utskick.wire(Config.of(cfg), db);
            Letter l = letter(app, LetterKind.MEMBERS);
            int frozen = app.delivery().send(l.id());
            SenderPool pool = app.delivery().senders();
            pool.start();
            try {
                await(() -> smtp.received.size() >= 60, "sending began");
                server.close();
                int atStop = smtp.received.size();
                Thread.sleep(18_000); // longer than the connection pool waits for a connection (15 s): workers see it fail
                server = EmbeddedMariaDb.open(home, port);
                await(() -> app.letters().get(l.id()).state() == LetterState.SENT, "the letter finished after the restart");
                List<WorkerHealth> health = pool.health();
                assertTrue(health.stream().allMatch(WorkerHealth::alive), "every worker lived: " + health);
                assertTrue(health.stream().anyMatch(h -> h.lastError() != null && h.lastError().contains("database")), health.toString());
                Map<String, Long> per = smtp.received.stream().collect(Collectors.groupingBy(ScriptedSmtpServer.Received::rcpt,
                        Collectors.counting()));
                long duplicates = smtp.received.size() - per.size();
                System.out.printf("database down 18 s after %d of %d messages: %d duplicates, workers alive: %d of %d, "
                        + "workers that saw it: %d%n", atStop, frozen, duplicates, health.stream().filter(WorkerHealth::alive).count(),
                        health.size(), health.stream().filter(h -> h.lastError() != null).count());
                assertEquals(frozen, per.size(), "nobody lost");
                assertEquals(0, duplicates, "the sent batches were recorded once the database was back");
                assertEquals(SendRunState.FINISHED, app.delivery().log().run(l.id()).orElseThrow().state());
            } finally {
                pool.stop(Duration.ofSeconds(5));
            }
        } finally {
            server.close();
        }
    }

    private static long firstActiveMember(Database db) {
        return db.withConnection(c -> {
            try (ResultSet r = c.createStatement().executeQuery("SELECT id FROM member WHERE status = 'ACTIVE' "
                    + "AND email_status = 'OK' AND unsubscribed_at IS NULL ORDER BY id LIMIT 1")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static long count(Database db, String sql) {
        return db.withConnection(c -> {
            try (ResultSet r = c.createStatement().executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static void exec(Database db, String sql) {
        db.withConnection(c -> c.createStatement().executeUpdate(sql));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
