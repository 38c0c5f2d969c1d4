package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * The claim on the real database: it reads candidates without locks and then locks them by primary
 * key, so these guard what that two-step must keep from the one-step SKIP LOCKED claim — rows another
 * transaction holds are skipped and the batch is still filled from the rows behind them; claimers
 * running at once never get the same row; a leased row is not due until its lease runs out.
 */
class OutboxClaimTest {
    private static final Duration LEASE = Duration.ofMinutes(10);
    private Database db;
    private Outbox outbox;

    @BeforeEach
    void start() {
        db = TestDatabase.fresh();
        outbox = new Outbox(db);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private void queue(int rows) {
        for (int i = 0; i < rows; i++) {
            TestDelivery.member(db, "Åsa", "Öberg " + i, "m" + i + "@example.org", "OK");
        }
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(2525), new TestLetter(false, false).approve(1),
                new RecordingInvalidAddresses());
        assertEquals(rows, d.send(1));
    }

    @Test
    void rowsAnotherTransactionHoldsAreSkippedAndTheBatchIsFilledFromTheRest() throws Exception {
        queue(120);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Set<Long> locked = new HashSet<>();
        Thread other = Thread.ofPlatform().start(() -> db.inTransaction(c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT id FROM delivery ORDER BY id LIMIT 60 FOR UPDATE")) {
                while (r.next()) {
                    locked.add(r.getLong(1));
                }
            }
            held.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertTrue(held.await(30, TimeUnit.SECONDS));
        Instant now = Instant.now();
        List<ClaimedDelivery> got;
        try {
            got = outbox.claim(List.of(1L), "w1", 50, now, now.plus(LEASE));
        } finally {
            done.countDown();
            other.join();
        }
        assertEquals(60, locked.size());
        assertEquals(50, got.size(), "the batch is filled from the rows behind the held ones");
        assertTrue(got.stream().noneMatch(d -> locked.contains(d.id())), "no held row is claimed");
        assertEquals(50, count("SELECT COUNT(*) FROM delivery WHERE claimed_by = 'w1' AND due_at = lease_until AND attempts = 1"));
        assertEquals(70, count("SELECT COUNT(*) FROM delivery WHERE claimed_by IS NULL AND attempts = 0"));
    }

    @Test
    void claimersAtTheSameTimeNeverGetTheSameRow() throws Exception {
        queue(600);
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            String worker = "w" + t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    while (true) {
                        Instant now = Instant.now();
                        List<ClaimedDelivery> got = outbox.claim(List.of(1L), worker, 20, now, now.plus(LEASE));
                        if (got.isEmpty()) {
                            return;
                        }
                        got.forEach(d -> claimed.add(d.id()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(600, claimed.size(), "every row claimed once: " + claimed.size() + " claims");
        assertEquals(600, new HashSet<>(claimed).size(), "no row claimed twice");
        assertEquals(600, count("SELECT COUNT(*) FROM delivery WHERE attempts = 1 AND claimed_by IS NOT NULL"));
    }

    @Test
    void aLeasedRowIsNotDueUntilItsLeaseRunsOut() {
        queue(30);
        Instant now = Instant.now();
        assertEquals(20, outbox.claim(List.of(1L), "w1", 20, now, now.plus(LEASE)).size());
        List<ClaimedDelivery> rest = outbox.claim(List.of(1L), "w2", 50, now, now.plus(LEASE));
        assertEquals(10, rest.size(), "only the ten never claimed");
        assertEquals(0, outbox.claim(List.of(1L), "w3", 50, now.plus(LEASE).minusSeconds(1), now.plus(LEASE)).size());
        Instant later = now.plus(LEASE).plusSeconds(1);
        List<ClaimedDelivery> again = outbox.claim(List.of(1L), "w3", 50, later, later.plus(LEASE));
        assertEquals(30, again.size(), "an expired lease puts the row back in the queue");
        assertTrue(again.stream().allMatch(d -> d.attempts() == 2), "and the claim counts as an attempt");
        assertEquals(0, outbox.claim(List.of(2L), "w4", 50, later.plusSeconds(3600), later).size(), "other letters' rows stay");
    }

    private long count(String sql) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
