package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.UtskickException;
import se.utskick.audience.Rule;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards that a letter's state and its outbox agree in every order of pause, resume, cancel,
 * resend-failed and reopen (issue 12, finding 1), through the real composition root: every
 * sequence of three such commands, from a letter being sent and from one that has finished. After
 * each command the two agree; a refused command changes nothing (no letter, run or delivery row);
 * and once senders run, every letter left sending finishes and agrees again.
 */
class LetterStateOrdersTest {
    private enum Op { PAUSE, RESUME, CANCEL, RESEND, REOPEN }

    @TempDir
    Path dir;

    @Test
    void letterAndOutboxAgreeInEveryOrderOfPauseResumeCancelResendAndReopen() throws Exception {
        try (Database db = TestDatabase.fresh(); ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            AudienceFixture.generate(db, 40, 4);
            Map<String, String> cfg = new HashMap<>();
            cfg.put("security.secret", se.utskick.TestSecret.VALUE);
            cfg.put("smtp.host", "127.0.0.1");
            cfg.put("smtp.port", String.valueOf(smtp.port()));
            cfg.put("smtp.starttls", "off");
            cfg.put("mail.domain", "varmland.example.org");
            cfg.put("delivery.poll.interval", "PT0.05S");
            cfg.put("letters.templates.dir", dir.resolve("none").toString());
            Utskick app = Utskick.wire(Config.of(cfg), db);
            app.audiences().create("styrelse", "Styrelseledamöter", Rule.ofRoles("CHAIR", "TREASURER"));
            long refused = scalar(db, "SELECT m.id FROM member m JOIN member_role r ON r.member_id = m.id WHERE r.role = 'CHAIR' "
                    + "AND m.status = 'ACTIVE' AND m.email_status = 'OK' AND m.unsubscribed_at IS NULL ORDER BY m.id LIMIT 1");
            exec(db, "UPDATE member SET email = 'p550-chair@example.org' WHERE id = " + refused);

            List<List<Op>> orders = new ArrayList<>();
            for (Op a : Op.values()) {
                for (Op b : Op.values()) {
                    for (Op c : Op.values()) {
                        orders.add(List.of(a, b, c));
                    }
                }
            }
            Path body = Files.writeString(dir.resolve("item.md"), "Styrelsemöte på **tisdag**.");
            List<Long> sending = new ArrayList<>();
            List<Long> finished = new ArrayList<>();
            for (int i = 0; i < orders.size() * 2; i++) {
                Letter l = app.letters().create(LetterKind.TARGETED, null, List.of(), "styrelse");
                app.letters().addItem(l.id(), "Möte", body);
                app.letters().approve(l.id());
                app.delivery().send(l.id());
                (i % 2 == 0 ? sending : finished).add(l.id());
            }
            // half of them are sent to the end (the refused chair FAILED), the other half stay sending
            for (long id : sending) {
                app.delivery().pause(id);
            }
            runSenders(app, db);
            for (long id : sending) {
                app.delivery().resume(id);
                assertEquals("SENDING", snapshot(db, id).letter());
            }
            for (long id : finished) {
                assertEquals("SENT", snapshot(db, id).letter());
                assertEquals(1L, snapshot(db, id).deliveries().get("FAILED"));
            }
            exec(db, "UPDATE member SET email_status = 'OK' WHERE id = " + refused); // so resend-failed has something to queue

            int refusals = 0;
            for (int i = 0; i < orders.size(); i++) {
                for (long id : List.of(sending.get(i), finished.get(i))) {
                    for (Op op : orders.get(i)) {
                        State before = snapshot(db, id);
                        try {
                            apply(app, op, id);
                        } catch (UtskickException e) {
                            refusals++;
                            assertEquals(before, snapshot(db, id), op + " of letter " + id + " was refused (" + e.getMessage()
                                    + ") and must change nothing; order " + orders.get(i));
                        }
                        assertAgree(snapshot(db, id), "after " + op + " in order " + orders.get(i) + " of letter " + id);
                    }
                }
            }
            System.out.printf("state orders: %d orders × 2 starts, %d refusals, all agreeing%n", orders.size(), refusals);

            runSenders(app, db);
            for (long id : sending) {
                assertAgree(snapshot(db, id), "letter " + id + " after the senders ran");
            }
            for (long id : finished) {
                assertAgree(snapshot(db, id), "letter " + id + " after the senders ran");
            }
        }
    }

    private static void apply(Utskick app, Op op, long id) {
        switch (op) {
            case PAUSE -> app.delivery().pause(id);
            case RESUME -> app.delivery().resume(id);
            case CANCEL -> app.delivery().cancel(id);
            case RESEND -> app.delivery().resendFailed(id);
            case REOPEN -> app.letters().reopen(id);
        }
    }

    /** Runs a pool until no run is RUNNING any more. */
    private static void runSenders(Utskick app, Database db) throws InterruptedException {
        SenderPool pool = app.delivery().senders();
        pool.start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (scalar(db, "SELECT COUNT(*) FROM send_run WHERE state = 'RUNNING'") > 0) {
                assertTrue(System.nanoTime() < end, "runs still RUNNING after 120 s");
                Thread.sleep(50);
            }
            assertTrue(pool.health().stream().allMatch(h -> h.alive() && h.lastError() == null), pool.health().toString());
        } finally {
            pool.stop(Duration.ofSeconds(5));
        }
    }

    /** The letter's state, its run's state ("-" if none) and its deliveries counted per state. */
    private record State(String letter, String run, Map<String, Long> deliveries) {
        long waiting() {
            return deliveries.getOrDefault("QUEUED", 0L) + deliveries.getOrDefault("DEFERRED", 0L);
        }
    }

    private static void assertAgree(State s, String when) {
        boolean agree = switch (s.letter()) {
            case "DRAFT", "APPROVED", "SCHEDULED" -> s.run().equals("-");
            case "SENDING" -> s.run().equals("RUNNING") || s.run().equals("PAUSED");
            case "SENT" -> s.run().equals("FINISHED") && s.waiting() == 0;
            case "CANCELLED" -> (s.run().equals("-") || s.run().equals("CANCELLED")) && s.waiting() == 0;
            default -> false;
        };
        assertTrue(agree, "letter and outbox disagree " + when + ": " + s);
    }

    private static State snapshot(Database db, long id) {
        return db.withConnection(c -> {
            String letter;
            String run = "-";
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT state FROM letter WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    letter = r.getString(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT state FROM send_run WHERE letter_id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        run = r.getString(1);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT state, COUNT(*) FROM delivery WHERE letter_id = ? GROUP BY state")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        counts.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            return new State(letter, run, counts);
        });
    }

    private static long scalar(Database db, String sql) {
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
}
