package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards recording a batch with one UPDATE per outcome state: every row gets its own state, due
 * time, send time, reply and Message-ID; a row cancelled while in flight stays CANCELLED unless it
 * was sent; a row another worker holds now is left alone; a connection failure gives the attempt back.
 */
class OutboxRecordTest {
    private static Database db;
    private static Outbox outbox;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh();
        outbox = new Outbox(db);
    }

    private static long insert(long letter, String state, String claimedBy) {
        return db.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO delivery (letter_id, member_id, email, first_name, last_name, "
                    + "state, attempts, due_at, lease_until, claimed_by, queued_at, last_reply) "
                    + "VALUES (?, NULL, 'a@example.org', 'Åsa', 'Öberg', ?, 1, ?, ?, ?, ?, 'tidigare svar')",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                p.setLong(1, letter);
                p.setString(2, state);
                p.setTimestamp(3, Timestamp.from(T0.plusSeconds(300)));
                p.setTimestamp(4, Timestamp.from(T0.plusSeconds(300)));
                p.setString(5, claimedBy);
                p.setTimestamp(6, Timestamp.from(T0));
                p.executeUpdate();
                try (ResultSet k = p.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    private record Row(String state, int attempts, Instant dueAt, Instant sentAt, String reply, String messageId, String claimedBy) {
    }

    private static Row row(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT state, attempts, due_at, sent_at, last_reply, message_id, claimed_by FROM delivery WHERE id = ?")) {
                p.setLong(1, id);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    return new Row(r.getString(1), r.getInt(2), r.getTimestamp(3).toInstant(),
                            r.getTimestamp(4) == null ? null : r.getTimestamp(4).toInstant(), r.getString(5), r.getString(6), r.getString(7));
                }
            }
        });
    }

    @Test
    void eachRowOfAMixedBatchGetsItsOwnOutcome() {
        long sent1 = insert(1, "QUEUED", "w1");
        long sent2 = insert(1, "QUEUED", "w1");
        long deferred = insert(1, "QUEUED", "w1");
        long failed = insert(1, "QUEUED", "w1");
        long returned = insert(1, "QUEUED", "w1");
        long cancelledSent = insert(1, "CANCELLED", "w1");
        long cancelledDeferred = insert(1, "CANCELLED", "w1");
        long takenOver = insert(1, "QUEUED", "w2");
        Instant t1 = T0.plusSeconds(10);
        Instant t2 = T0.plusSeconds(11);
        Instant retry = T0.plusSeconds(900);
        outbox.record(List.of(
                new Outbox.Result(sent1, DeliveryState.SENT, t1, t1, "250 2.0.0 Ok: queued as A1", "<a1@example.org>", false, false),
                new Outbox.Result(deferred, DeliveryState.DEFERRED, retry, null, "451 4.3.0 försök igen", null, false, false),
                new Outbox.Result(sent2, DeliveryState.SENT, t2, t2, "250 2.0.0 Ok: queued as B2", "<b2@example.org>", false, false),
                new Outbox.Result(failed, DeliveryState.FAILED, t2, null, "550 5.1.1 okänd", null, false, true),
                new Outbox.Result(returned, DeliveryState.QUEUED, t1, null, null, null, true, false),
                new Outbox.Result(cancelledSent, DeliveryState.SENT, t2, t2, "250 ok C3", "<c3@example.org>", false, false),
                new Outbox.Result(cancelledDeferred, DeliveryState.DEFERRED, retry, null, "421 busy", null, false, false),
                new Outbox.Result(takenOver, DeliveryState.SENT, t2, t2, "250 ok D4", "<d4@example.org>", false, false)), "w1");

        assertEquals(new Row("SENT", 1, t1, t1, "250 2.0.0 Ok: queued as A1", "<a1@example.org>", null), row(sent1));
        assertEquals(new Row("SENT", 1, t2, t2, "250 2.0.0 Ok: queued as B2", "<b2@example.org>", null), row(sent2));
        assertEquals(new Row("DEFERRED", 1, retry, null, "451 4.3.0 försök igen", null, null), row(deferred));
        assertEquals(new Row("FAILED", 1, t2, null, "550 5.1.1 okänd", null, null), row(failed));
        assertEquals(new Row("QUEUED", 0, t1, null, "tidigare svar", null, null), row(returned));
        assertEquals("SENT", row(cancelledSent).state());
        assertEquals(new Row("CANCELLED", 1, retry, null, "421 busy", null, null), row(cancelledDeferred));
        Row other = row(takenOver);
        assertEquals("QUEUED", other.state());
        assertEquals("w2", other.claimedBy());
        assertNull(other.messageId());
    }

    @Test
    void aBatchLargerThanTheUsualRecordsEveryRow() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            ids.add(insert(2, "QUEUED", "w9"));
        }
        Instant t = T0.plus(5, ChronoUnit.MINUTES);
        outbox.record(ids.stream().map(id -> new Outbox.Result(id, DeliveryState.SENT, t, t, "250 ok " + id, "<" + id + "@example.org>",
                false, false)).toList(), "w9");
        for (long id : ids) {
            Row r = row(id);
            assertEquals("SENT", r.state());
            assertEquals("250 ok " + id, r.reply());
            assertEquals("<" + id + "@example.org>", r.messageId());
        }
    }
}
