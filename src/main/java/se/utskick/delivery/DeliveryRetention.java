package se.utskick.delivery;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import se.utskick.db.Database;

/**
 * The daily clean-up of the delivery log: a delivery that is done (not QUEUED or DEFERRED) and was
 * queued longer ago than {@code delivery.retention} loses its details, the last SMTP reply (which
 * may quote the address) and the recipient's name. Its state, times, address, member, association,
 * Message-ID and token stay, so counts, feedback and "did this member get that letter" still work.
 * Idempotent; works in slices of 10,000 rows so no transaction grows large.
 */
final class DeliveryRetention {
    private static final int SLICE = 10_000;
    private final Database db;
    private final Duration retention;
    private final Clock clock;

    DeliveryRetention(Database db, Duration retention, Clock clock) {
        this.db = db;
        this.retention = retention;
        this.clock = clock;
    }

    /** Returns how many rows lost their details. */
    int purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(retention));
        int total = 0;
        int n;
        do {
            n = db.withConnection(c -> {
                try (PreparedStatement u = c.prepareStatement("UPDATE delivery SET last_reply = NULL, first_name = '', last_name = '' "
                        + "WHERE queued_at < ? AND state NOT IN ('QUEUED', 'DEFERRED') "
                        + "AND (last_reply IS NOT NULL OR first_name <> '' OR last_name <> '') LIMIT " + SLICE)) {
                    u.setTimestamp(1, before);
                    return u.executeUpdate();
                }
            });
            total += n;
        } while (n == SLICE);
        return total;
    }
}
