package se.utskick.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import se.utskick.db.Database;

/** The SQL of pause, resume, cancel, resend-failed, bounce marking and erasure. Thread-safe. */
final class SendControl {
    private final Database db;

    SendControl(Database db) {
        this.db = db;
    }

    /** Moves the run from {@code from} to {@code to}; false if it was not in {@code from}. */
    boolean moveRun(long letterId, SendRunState from, SendRunState to) {
        return db.withConnection(c -> update(c, "UPDATE send_run SET state = ? WHERE letter_id = ? AND state = ?",
                to.name(), letterId, from.name()) == 1);
    }

    /** The run → CANCELLED and every waiting delivery → CANCELLED; sent ones stay logged. Returns the rows cancelled. */
    int cancel(long letterId, Instant now) {
        return db.inTransaction(c -> {
            update(c, "UPDATE send_run SET state = 'CANCELLED', finished_at = ? WHERE letter_id = ? AND state <> 'CANCELLED'",
                    Timestamp.from(now), letterId);
            return update(c, "UPDATE delivery SET state = 'CANCELLED' WHERE letter_id = ? AND state IN ('QUEUED', 'DEFERRED')",
                    letterId);
        });
    }

    /**
     * FAILED or BLOCKED → QUEUED for the deliveries whose member now has an OK address in the
     * register, with that (possibly corrected) address; the run is RUNNING again. Returns the rows
     * queued. (BLOCKED rows are sent again once the ombudsman has fixed what the receiver refused.)
     */
    int resendFailed(long letterId, Instant now) {
        return db.inTransaction(c -> {
            int n = update(c, "UPDATE delivery d JOIN member m ON m.id = d.member_id "
                    + "SET d.state = 'QUEUED', d.email = m.email, d.attempts = 0, d.due_at = ?, d.queued_at = ?, "
                    + "d.lease_until = NULL, d.claimed_by = NULL "
                    + "WHERE d.letter_id = ? AND d.state IN ('FAILED', 'BLOCKED') AND m.email_status = 'OK' AND m.status = 'ACTIVE'",
                    Timestamp.from(now), Timestamp.from(now), letterId);
            if (n > 0) {
                update(c, "UPDATE send_run SET state = 'RUNNING', finished_at = NULL WHERE letter_id = ? AND state = 'FINISHED'",
                        letterId);
            }
            return n;
        });
    }

    /** SENT → BOUNCED with the bounce's reason; false if the delivery was not SENT. */
    boolean markBounced(long deliveryId, String reason) {
        String r = reason.length() > 500 ? reason.substring(0, 500) : reason;
        return db.withConnection(c -> update(c,
                "UPDATE delivery SET state = 'BOUNCED', last_reply = ? WHERE id = ? AND state = 'SENT'", r, deliveryId) == 1);
    }

    /** SENT → BLOCKED with the receiver's refusal (a delivery report of a policy refusal); false if the delivery was not SENT. */
    boolean markBlocked(long deliveryId, String reason) {
        String r = reason.length() > 500 ? reason.substring(0, 500) : reason;
        return db.withConnection(c -> update(c,
                "UPDATE delivery SET state = 'BLOCKED', last_reply = ? WHERE id = ? AND state = 'SENT'", r, deliveryId) == 1);
    }

    /** Anonymises a member's deliveries; waiting ones are cancelled. States, times and letters stay for the log. */
    static void erase(Connection c, long memberId) throws SQLException {
        update(c, "UPDATE delivery SET state = 'CANCELLED' WHERE member_id = ? AND state IN ('QUEUED', 'DEFERRED')", memberId);
        update(c, "UPDATE delivery SET member_id = NULL, email = '', first_name = '', last_name = '', last_reply = NULL "
                + "WHERE member_id = ?", memberId);
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
