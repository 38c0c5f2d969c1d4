package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards exactly-once sending in the normal case (issue 12, finding 2): a claim that takes longer
 * than the lease (a slow relay) is renewed, not taken over by another worker; a pool stopped in the
 * middle of sending records every message the server accepted, even when the database pool is
 * busy at the interrupt; a recipient whose server stalls on every attempt ends FAILED after
 * {@code delivery.stall.attempts} DEFERRED tries and the letter finishes.
 */
class ExactlyOnceTest {
    private Database db;

    @BeforeEach
    void start() {
        // a small connection pool, so that workers wait for a connection now and then (the interrupt's window)
        db = Database.onUrl(TestDatabase.freshUrl(), TestDatabase.USER, TestDatabase.password(), 3);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private void members(int n, String prefix) {
        for (int i = 0; i < n; i++) {
            TestDelivery.member(db, "Åsa", "Öberg " + i, prefix + i + "@example.org", "OK");
        }
    }

    @Test
    void aSlowRelayWithAShortLeaseSendsNothingTwice() throws Exception {
        members(30, "m");
        // a claim is 2 × 5 rows at 0.45 s each: 4.5 s, longer than the 3 s lease
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults().slow(Duration.ofMillis(450)))) {
            Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.workers", "3",
                    "delivery.batch.size", "5", "delivery.lease", "3s"), new TestLetter(false, false).approve(1),
                    new RecordingInvalidAddresses());
            d.send(1);
            try (SenderPool pool = d.senders()) {
                pool.start();
                assertEquals(SendRunState.FINISHED, TestDelivery.awaitDone(d, 1, Duration.ofSeconds(60)).state());
            }
            long duplicates = smtp.received.size() - perRecipient(smtp).size();
            System.out.printf("slow relay (0.45 s/message, lease 3 s, claim 4.5 s): %d messages, %d duplicates%n",
                    smtp.received.size(), duplicates);
            assertEquals(30, perRecipient(smtp).size());
            assertEquals(0, duplicates, "sent twice: " + perRecipient(smtp));
            assertEquals(30, d.log().run(1).orElseThrow().count(DeliveryState.SENT));
        }
    }

    @Test
    void stoppingThePoolMidSendRecordsWhatWasSentAndSendsNothingTwice() throws Exception {
        int stops = Integer.getInteger("utskick.test.stops", 12); // more for a measurement: -Dutskick.test.stops=50
        int members = 30 * (stops + 2);
        members(members, "m");
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.workers", "4",
                    "delivery.batch.size", "10", "delivery.rate.per.second", "200"), new TestLetter(false, false).approve(1),
                    new RecordingInvalidAddresses());
            d.send(1);
            int perRound = members / (stops + 2);
            for (int i = 1; i <= stops; i++) {
                SenderPool pool = d.senders();
                pool.start();
                int target = Math.min(members - 10, perRound * i);
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (smtp.received.size() < target && System.nanoTime() < end) {
                    Thread.sleep(2);
                }
                pool.stop(Duration.ofSeconds(5)); // what ServiceNode does at SIGTERM
                assertEquals(smtp.received.size(), d.log().run(1).orElseThrow().count(DeliveryState.SENT),
                        "stop " + i + ": every message the server accepted is recorded SENT");
            }
            try (SenderPool pool = d.senders()) {
                pool.start();
                assertEquals(SendRunState.FINISHED, TestDelivery.awaitDone(d, 1, Duration.ofSeconds(60)).state());
            }
            long duplicates = smtp.received.size() - perRecipient(smtp).size();
            System.out.printf("stop mid-send: %d stops, %d messages, %d duplicates%n", stops, smtp.received.size(), duplicates);
            assertEquals(members, perRecipient(smtp).size());
            assertEquals(0, duplicates);
        }
    }

    @Test
    void aRecipientWhoseServerStallsEndsFailedAfterItsAttemptsAndTheLetterFinishes() throws Exception {
        members(5, "m");
        members(1, "stall");
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults())) {
            Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.workers", "1",
                    "smtp.timeout.read", "30s", "delivery.message.deadline", "PT1S", "delivery.stall.attempts", "3"),
                    new TestLetter(false, false).approve(1), new RecordingInvalidAddresses());
            d.send(1);
            try (SenderPool pool = d.senders()) {
                pool.start();
                SendRun run = TestDelivery.awaitDone(d, 1, Duration.ofSeconds(40));
                assertEquals(SendRunState.FINISHED, run.state());
                assertEquals(5, run.count(DeliveryState.SENT));
                assertEquals(1, run.count(DeliveryState.FAILED));
                assertTrue(pool.health().stream().allMatch(WorkerHealth::alive));
            }
            LoggedDelivery stalled = d.log().deliveries(1, java.util.Optional.of(DeliveryState.FAILED), 1).getFirst();
            assertEquals(3, stalled.attempts());
            assertTrue(stalled.lastReply().contains("no answer within 1 s") && stalled.lastReply().contains("delivery.message.deadline"),
                    stalled.lastReply());
            assertEquals(0, count("SELECT COUNT(*) FROM member WHERE email_status <> 'OK'"), "a stall says nothing about the address");
        }
    }

    private static Map<String, Long> perRecipient(ScriptedSmtpServer smtp) {
        return smtp.received.stream().collect(Collectors.groupingBy(ScriptedSmtpServer.Received::rcpt, Collectors.counting()));
    }

    private int count(String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
