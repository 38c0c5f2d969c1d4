package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards the outcomes against a misbehaving server: 4xx answers (421 with a closed connection,
 * 451) are retried until delivered exactly once; 5xx 5.1.1 is FAILED with the address reported
 * invalid; a connection dropped in the middle of DATA costs the recipient nothing; nobody is lost;
 * a dead server does not hang a worker past its timeouts.
 */
class DeliveryFaultTest {
    private Database db;
    private ScriptedSmtpServer smtp;
    private final RecordingInvalidAddresses invalid = new RecordingInvalidAddresses();

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
    void temporaryFailuresAreRetriedUntilDeliveredOnceAndPermanentOnesMarkTheAddress() throws Exception {
        List<String> fine = List.of("ok1@example.org", "ok2@example.org", "ok3@example.org", "ok4@example.org");
        List<String> deferred = List.of("t421a@example.org", "t451a@example.org", "t451b@example.org");
        List<String> dropped = List.of("dropa@example.org", "dropb@example.org");
        for (String e : fine) {
            TestDelivery.member(db, "Åke", "Ek", e, "OK");
        }
        for (String e : deferred) {
            TestDelivery.member(db, "Örjan", "Ås", e, "OK");
        }
        for (String e : dropped) {
            TestDelivery.member(db, "Ärla", "Bo", e, "OK");
        }
        long bad = TestDelivery.member(db, "Inga", "Adress", "p550@example.org", "OK");
        TestLetter letter = new TestLetter(true, false).approve(3);
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.batch.size", "3"), letter, invalid);
        assertEquals(10, d.send(3));
        try (SenderPool pool = d.senders()) {
            pool.start();
            SendRun run = TestDelivery.awaitDone(d, 3, Duration.ofSeconds(60));
            assertEquals(SendRunState.FINISHED, run.state());
            assertEquals(9, run.count(DeliveryState.SENT));
            assertEquals(1, run.count(DeliveryState.FAILED));
        }
        for (String e : concat(fine, deferred, dropped)) {
            assertEquals(1, smtp.to(e).size(), e + " received once");
        }
        assertEquals(0, smtp.to("p550@example.org").size());
        assertEquals(List.of(bad + " p550@example.org"), invalid.marked);
        LoggedDelivery failed = d.log().deliveries(3, Optional.of(DeliveryState.FAILED), 5).getFirst();
        assertTrue(failed.lastReply().startsWith("550 5.1.1"), failed.lastReply());
        LoggedDelivery t451 = d.log().deliveries(3, Optional.empty(), 20).stream()
                .filter(x -> x.email().equals("t451a@example.org")).findFirst().orElseThrow();
        assertEquals(3, t451.attempts(), "two 451s and a success");
        LoggedDelivery drop = d.log().deliveries(3, Optional.empty(), 20).stream()
                .filter(x -> x.email().equals("dropa@example.org")).findFirst().orElseThrow();
        assertEquals(1, drop.attempts(), "a dropped connection is not held against the recipient");
        assertEquals(List.of("startSending 3", "finished 3"), letter.calls);
    }

    @Test
    void deadServerDoesNotHangAWorkerPastTheTimeout() throws Exception {
        try (ScriptedSmtpServer dead = ScriptedSmtpServer.start(new SmtpScript().silent())) {
            TestDelivery.member(db, "Åsa", "Öberg", "asa@example.org", "OK");
            Delivery d = TestDelivery.delivery(db, TestDelivery.config(dead.port(), "smtp.timeout.read", "1s",
                    "delivery.workers", "1"), new TestLetter(false, false).approve(4), invalid);
            d.send(4);
            long start = System.nanoTime();
            try (SenderPool pool = d.senders()) {
                pool.start();
                while (dead.sessions.get() < 2 && System.nanoTime() - start < 20_000_000_000L) {
                    Thread.sleep(50);
                }
            }
            assertTrue(dead.sessions.get() >= 2, "the worker gave up on the silent connection and tried again");
            assertTrue(System.nanoTime() - start < 15_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
            LoggedDelivery row = d.log().deliveries(4, Optional.empty(), 1).getFirst();
            assertTrue(row.state() == DeliveryState.QUEUED, "still queued, not failed: " + row.state());
            assertEquals(0, row.attempts(), "a dead server is not held against the recipient");
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
