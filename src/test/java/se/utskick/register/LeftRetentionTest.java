package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.schedule.ScheduledJob;

/**
 * Issue 12, finding 8 (members who left were kept with name and address indefinitely): the
 * register's job {@code erase-left-members}, as {@code Utskick.jobs()} hands it to the schedule,
 * erases through the erasure path (every feature's step, tombstone) the members who left more than
 * {@code register.left.retention} (default 730 days) ago, on a clock the test moves.
 */
class LeftRetentionTest {
    private final Database db = TestDatabase.fresh();
    private final MovedClock clock = new MovedClock(Instant.parse("2026-01-10T12:00:00Z"));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void membersWhoLeftAreErasedOnceTheRetentionHasPassed() {
        Utskick app = Utskick.wire(Config.of(Map.of("security.secret", se.utskick.TestSecret.VALUE)), db, clock);
        app.register().importFile(BadRegisterFilesTest.resource("good.csv"), ImportOptions.defaults());
        long first = app.register().memberIdByNumber("1001").orElseThrow();
        exec("INSERT INTO bounce_score (member_id, email, score, last_bounce_on) VALUES (" + first + ", 'm1001@example.org', 2, '2026-01-01')");
        ImportOptions confirmed = ImportOptions.defaults().withAllowMassLeave(true);
        app.register().importFile(csv("two-left.csv", without("1001", "1002")), confirmed);
        clock.set("2026-06-01T12:00:00Z");
        app.register().importFile(csv("three-left.csv", without("1001", "1002", "1003")), confirmed);
        assertEquals(List.of("1001|2026-01-10", "1002|2026-01-10", "1003|2026-06-01"),
                rows("SELECT member_number, left_on FROM member WHERE status = 'LEFT' ORDER BY member_number"));

        ScheduledJob job = app.jobs().stream().filter(j -> j.name().equals("erase-left-members")).findFirst().orElseThrow();
        clock.set("2028-01-09T12:00:00Z");
        assertEquals("0 members who had left erased", run(job), "729 days after: kept");
        clock.set("2028-01-11T12:00:00Z");
        assertEquals("2 members who had left erased", run(job));
        assertEquals(List.of("1003"), rows("SELECT member_number FROM member WHERE status = 'LEFT'"));
        assertEquals(17, rows("SELECT id FROM member WHERE status = 'ACTIVE'").size(), "active members untouched");
        assertEquals(List.of("2"), rows("SELECT COUNT(*) FROM erased_member"), "tombstones");
        assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM bounce_score"), "the features' erasure steps ran");
        assertEquals("0 members who had left erased", run(job), "idempotent");

        ImportReport back = app.register().importFile(BadRegisterFilesTest.resource("good.csv"), confirmed);
        assertEquals(2, back.skippedErased(), "an erased member does not come back with the next import");

        Utskick shorter = Utskick.wire(Config.of(Map.of("security.secret", se.utskick.TestSecret.VALUE,
                "register.left.retention", "30d")), db, clock);
        app.register().importFile(csv("again.csv", without("1001", "1002", "1003")), confirmed);
        clock.set("2028-02-11T12:00:00Z");
        assertEquals("1 members who had left erased", run(shorter.jobs().stream()
                .filter(j -> j.name().equals("erase-left-members")).findFirst().orElseThrow()));
    }

    private static List<String> without(String... numbers) {
        List<String> skip = List.of(numbers);
        return BadRegisterFilesTest.goodLines().stream().filter(l -> !skip.contains(l.substring(0, l.indexOf(';')))).toList();
    }

    private static String run(ScheduledJob job) {
        try {
            return job.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private java.nio.file.Path csv(String name, List<String> lines) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempDirectory("left").resolve(name);
            return java.nio.file.Files.writeString(f, RegisterFixture.HEADER + "\n" + String.join("\n", lines) + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> rows(String sql) {
        return db.withConnection(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        b.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }

    private void exec(String sql) {
        db.withConnection(c -> c.createStatement().executeUpdate(sql));
    }

    /** A clock the test sets by hand. */
    static final class MovedClock extends Clock {
        private volatile Instant now;

        MovedClock(Instant start) {
            now = start;
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
