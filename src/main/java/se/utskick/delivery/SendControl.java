package se.utskick.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import se.utskick.db.Database;
import se.utskick.register.AddressRule;

/** The SQL of pause, resume, cancel, resend-failed, bounce marking and erasure. Thread-safe. */
final class SendControl {
    private final Database db;

    SendControl(Database db) {
        this.db = db;
    }

    /** Moves the run from {@code from} to {@code to}; false if it was not in {@code from}. A move clears a sender's pause reason. */
    boolean moveRun(long letterId, SendRunState from, SendRunState to) {
        return db.withConnection(c -> update(c, "UPDATE send_run SET state = ?, pause_reason = NULL, paused_at = NULL "
                + "WHERE letter_id = ? AND state = ?", to.name(), letterId, from.name()) == 1);
    }

    /**
     * RUNNING → PAUSED by a sender that cannot compose the letter, with {@code reason} kept for the
     * letter's page; true only for the one caller that made the change (so the ombudsman is told once).
     */
    boolean pauseForError(long letterId, String reason, Instant now) {
        String r = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return db.withConnection(c -> update(c, "UPDATE send_run SET state = 'PAUSED', pause_reason = ?, paused_at = ? "
                + "WHERE letter_id = ? AND state = 'RUNNING'", r, Timestamp.from(now), letterId) == 1);
    }

    /**
     * In one transaction: the letter → CANCELLED (through {@code lifecycle}, which refuses a SENT
     * letter), the run → CANCELLED and every waiting delivery → CANCELLED; sent ones stay logged.
     * A refusal rolls everything back. Returns the rows cancelled.
     */
    int cancel(long letterId, LetterLifecycle lifecycle, Instant now) {
        return db.inTransaction(c -> {
            lifecycle.cancelled(c, letterId);
            update(c, "UPDATE send_run SET state = 'CANCELLED', finished_at = ? WHERE letter_id = ? AND state <> 'CANCELLED'",
                    Timestamp.from(now), letterId);
            return update(c, "UPDATE delivery SET state = 'CANCELLED' WHERE letter_id = ? AND state IN ('QUEUED', 'DEFERRED')",
                    letterId);
        });
    }

    /**
     * FAILED or BLOCKED → QUEUED for the deliveries whose member now has a usable address in the
     * register ({@link AddressRule#USABLE}), with that (possibly corrected) address (BLOCKED rows are sent again once the ombudsman
     * has fixed what the receiver refused); a finished run is RUNNING again and its letter SENDING again
     * (through {@code lifecycle}), all in one transaction. A cancelled letter's run is refused and
     * nothing changes; a paused one keeps its pause. Returns the rows queued.
     */
    int resendFailed(long letterId, LetterLifecycle lifecycle, Instant now) {
        return db.inTransaction(c -> {
            SendRunState run = runState(c, letterId);
            if (run == null) {
                throw new DeliveryException("letter " + letterId + " has not been sent, so it has no failed deliveries to send again");
            }
            if (run == SendRunState.CANCELLED) {
                throw new DeliveryException("letter " + letterId + " was cancelled; its failed deliveries are not sent again");
            }
            int n = update(c, "UPDATE delivery d JOIN member m ON m.id = d.member_id "
                    + "SET d.state = 'QUEUED', d.email = m.email, d.attempts = 0, d.due_at = ?, d.queued_at = ?, "
                    + "d.lease_until = NULL, d.claimed_by = NULL "
                    + "WHERE d.letter_id = ? AND d.state IN ('FAILED', 'BLOCKED') AND " + AddressRule.USABLE,
                    Timestamp.from(now), Timestamp.from(now), letterId);
            if (n > 0 && run == SendRunState.FINISHED) {
                lifecycle.resending(c, letterId);
                update(c, "UPDATE send_run SET state = 'RUNNING', finished_at = NULL WHERE letter_id = ?", letterId);
            }
            return n;
        });
    }

    /** The run's state read under a lock (so a concurrent finish or cancel waits), or null if there is no run. */
    private static SendRunState runState(Connection c, long letterId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM send_run WHERE letter_id = ? FOR UPDATE")) {
            s.setLong(1, letterId);
            try (var r = s.executeQuery()) {
                return r.next() ? SendRunState.valueOf(r.getString(1)) : null;
            }
        }
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
