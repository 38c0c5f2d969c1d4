package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards what a stopping node leaves behind and the retention of the log: a pool stopped with a
 * grace gives back at once every row its workers still hold (due now, attempt not counted) and
 * nobody else's; the daily retention blanks the details of old finished deliveries only.
 */
class SenderStopTest {
    private Database db;
    private ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.fresh();
        smtp = ScriptedSmtpServer.start(SmtpScript.faults());
        for (int i = 0; i < 40; i++) {
            TestDelivery.member(db, "Åsa", "Öberg " + i, "m" + i + "@example.org", "OK");
        }
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
        db.close();
    }

    @Test
    void stoppedPoolGivesBackTheRowsItsWorkersHoldAndNoOneElses() {
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port()), new TestLetter(false, false).approve(1),
                new RecordingInvalidAddresses());
        d.send(1);
        SenderPool pool = d.senders();
        Instant now = Instant.now();
        Instant lease = now.plus(Duration.ofMinutes(10));
        pool.outbox().claim(List.of(1L), pool.id() + "-w1", 15, now, lease);
        pool.outbox().claim(List.of(1L), "another-node-w1", 10, now, lease);
        assertEquals(15, pool.stop(Duration.ofMillis(200)));
        assertEquals(0, count("SELECT COUNT(*) FROM delivery WHERE claimed_by LIKE '" + pool.id() + "-%'"));
        assertEquals(10, count("SELECT COUNT(*) FROM delivery WHERE claimed_by = 'another-node-w1'"));
        assertEquals(30, count("SELECT COUNT(*) FROM delivery WHERE due_at <= NOW(3) + INTERVAL 1 SECOND AND attempts = 0"));
    }

    @Test
    void retentionBlanksTheDetailsOfOldFinishedDeliveriesOnly() throws Exception {
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.retention", "30d"),
                new TestLetter(false, false).approve(1), new RecordingInvalidAddresses());
        d.send(1);
        db.withConnection(c -> c.createStatement().executeUpdate("UPDATE delivery SET state = 'SENT', last_reply = '250 ok' "
                + "WHERE id <= 30"));
        db.withConnection(c -> c.createStatement().executeUpdate("UPDATE delivery SET queued_at = NOW(3) - INTERVAL 40 DAY "
                + "WHERE id <= 20 OR id > 35"));
        String summary = d.jobs().stream().filter(j -> j.name().equals("purge-deliveries")).findFirst().orElseThrow().run();
        assertEquals("20 deliveries lost their details", summary);
        assertEquals(20, count("SELECT COUNT(*) FROM delivery WHERE last_reply IS NULL AND first_name = '' AND state = 'SENT'"));
        assertEquals(10, count("SELECT COUNT(*) FROM delivery WHERE last_reply = '250 ok'"));
        assertEquals(5, count("SELECT COUNT(*) FROM delivery WHERE state = 'QUEUED' AND first_name = 'Åsa'"
                + " AND queued_at < NOW(3) - INTERVAL 30 DAY"), "waiting rows keep what they need to be sent");
        assertTrue(d.jobs().getFirst().run().startsWith("0 "), "idempotent");
    }

    @Test
    void retentionOfZeroIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> DeliveryConfig.from(Config.of(Map.of("delivery.retention", "0s"))));
        assertTrue(e.getMessage().contains("delivery.retention"), e.getMessage());
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
