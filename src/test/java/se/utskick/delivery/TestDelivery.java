package se.utskick.delivery;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import se.utskick.Config;
import se.utskick.Keyring;
import se.utskick.db.Database;

/** Building a delivery feature on a test database and a test SMTP port, and waiting for a send. */
final class TestDelivery {
    static final Keyring KEYRING = Keyring.of("test-secret-0123456789-0123456789-abcdef");

    private TestDelivery() {
    }

    /** Test settings: fast polling and retries; {@code overrides} as key, value, key, value… */
    static Config config(int smtpPort, String... overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", String.valueOf(smtpPort));
        m.put("smtp.starttls", "off");
        m.put("smtp.timeout.connect", "2s");
        m.put("smtp.timeout.read", "2s");
        m.put("smtp.timeout.write", "2s");
        m.put("district.name", "Vänsterpartiet Värmland");
        m.put("mail.domain", "varmland.example.org");
        m.put("mail.from.address", "distriktet@varmland.example.org");
        m.put("delivery.workers", "2");
        m.put("delivery.batch.size", "10");
        m.put("delivery.poll.interval", "PT0.05S");
        m.put("delivery.retry.backoff", "PT0.05S");
        m.put("delivery.retry.backoff.max", "PT0.2S");
        m.put("delivery.message.deadline", "PT1.5S");
        // a receiver's "too fast" (421, 4.7.x) holds its domain group back this long (issue 18): short, as the retries here
        m.put("delivery.pace.hold", "PT0.2S");
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return Config.of(m);
    }

    static Delivery delivery(Database db, Config cfg, TestLetter letter, InvalidAddresses invalid) {
        return new Delivery(db, DeliveryConfig.from(cfg), KEYRING, letter, letter, letter, invalid, Clock.systemUTC());
    }

    /** Waits until the letter's run is no longer RUNNING; fails after {@code limit}. */
    static SendRun awaitDone(Delivery d, long letterId, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (d.log().state(letterId).orElseThrow() != SendRunState.RUNNING) {
                return d.log().run(letterId).orElseThrow();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("letter " + letterId + " still sending after " + limit + ": " + d.log().run(letterId));
    }

    /** Adds a member (district and association created on first use); returns the member id. */
    static long member(Database db, String first, String last, String email, String emailStatus) {
        return db.inTransaction(c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("INSERT IGNORE INTO district (id, name) VALUES (1, 'Värmland')");
                s.executeUpdate("INSERT IGNORE INTO association (id, district_id, name, region) VALUES (1, 1, 'Karlstad', 'SOUTH')");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, "
                    + "email_status, email_status_since, association_id) VALUES (LEFT(REPLACE(UUID(), '-', ''), 30), ?, ?, ?, ?, NOW(3), 1)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, first);
                p.setString(2, last);
                p.setString(3, email);
                p.setString(4, emailStatus);
                p.executeUpdate();
                try (var keys = p.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
