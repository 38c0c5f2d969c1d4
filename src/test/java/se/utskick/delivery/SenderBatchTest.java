package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * A worker claims two batches' worth of rows at once but records each batch as soon as it is sent,
 * so the crash bound stays one batch per worker: with the server hanging in the second batch of a
 * claim, the first batch is already SENT in the database and only the few sent since are not.
 */
class SenderBatchTest {
    @Test
    void theFirstBatchOfAClaimIsRecordedBeforeTheSecondIsSent() throws Exception {
        Database db = TestDatabase.fresh();
        try (db; ScriptedSmtpServer smtp = ScriptedSmtpServer.start(SmtpScript.faults().hangAfter(7))) {
            for (int i = 0; i < 20; i++) {
                TestDelivery.member(db, "Åsa", "Öberg " + i, "m" + i + "@example.org", "OK");
            }
            Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.workers", "1",
                    "delivery.batch.size", "5", "smtp.timeout.read", "60s"), new TestLetter(false, false).approve(1),
                    new RecordingInvalidAddresses());
            d.send(1);
            SenderPool pool = d.senders();
            pool.start();
            try {
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (sent(db) < 5 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                Thread.sleep(300); // the worker is now waiting on the server in message 8
                assertEquals(7, smtp.received.size(), "the server accepted seven and hangs in the eighth");
                assertEquals(5, sent(db), "the first batch is recorded; the two sent since wait for their batch");
            } finally {
                pool.stop(Duration.ofMillis(100));
            }
        }
    }

    private static long sent(Database db) {
        return count(db, "SELECT COUNT(*) FROM delivery WHERE state = 'SENT'");
    }

    private static long count(Database db, String sql) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
