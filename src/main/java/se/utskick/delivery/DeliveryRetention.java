package se.utskick.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The daily clean-up of the delivery log: a delivery that is done (not QUEUED or DEFERRED) and was
 * queued longer ago than {@code delivery.retention} loses its details, the last SMTP reply (which
 * may quote the address) and the recipient's name. Its state, times, address, member, association,
 * Message-ID and token stay, so counts, feedback and "did this member get that letter" still work.
 * Idempotent; works in slices of 10,000 rows so no transaction grows large.
 */
final class DeliveryRetention {
    /** The LIMIT of {@code delivery.retention_slice}. */
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
                return Bind.update(c, DeliverySql.RETENTION_SLICE, before);
            });
            total += n;
        } while (n == SLICE);
        return total;
    }
}
