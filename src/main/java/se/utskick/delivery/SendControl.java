package se.utskick.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import se.utskick.db.Bind;
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
        return db.withConnection(c -> Bind.update(c, DeliverySql.MOVE_RUN, to, letterId, from) == 1);
    }

    /**
     * RUNNING → PAUSED by a sender, with its cause and reason kept for the letter's page; true only
     * for the one caller that made the change (so the ombudsman is told once).
     */
    boolean pauseForError(long letterId, Pause pause, Instant now) {
        String r = pause.reason().length() > 1000 ? pause.reason().substring(0, 1000) : pause.reason();
        return db.withConnection(c -> Bind.update(c, DeliverySql.PAUSE_FOR_ERROR, pause.kind().name(), r, now, letterId) == 1);
    }

    /**
     * In one transaction: the letter → CANCELLED (through {@code lifecycle}, which refuses a SENT
     * letter), the run → CANCELLED and every waiting delivery → CANCELLED; sent ones stay logged.
     * A refusal rolls everything back. Returns the rows cancelled.
     */
    int cancel(long letterId, LetterLifecycle lifecycle, Instant now) {
        return db.inTransaction(c -> {
            lifecycle.cancelled(c, letterId);
            Bind.update(c, DeliverySql.CANCEL_RUN, now, letterId);
            return Bind.update(c, DeliverySql.CANCEL_WAITING, letterId);
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
            int n = Bind.update(c, DeliverySql.REQUEUE_FAILED, now, now, letterId);
            if (n > 0 && run == SendRunState.FINISHED) {
                lifecycle.resending(c, letterId);
                Bind.update(c, DeliverySql.RUN_AGAIN, letterId);
            }
            return n;
        });
    }

    /** The run's state read under a lock (so a concurrent finish or cancel waits), or null if there is no run. */
    private static SendRunState runState(Connection c, long letterId) throws SQLException {
        return Bind.first(c, DeliverySql.RUN_STATE_LOCKED, r -> SendRunState.valueOf(r.getString(1)), letterId).orElse(null);
    }

    /** SENT → BOUNCED with the bounce's reason; false if the delivery was not SENT. */
    boolean markBounced(long deliveryId, String reason) {
        String r = reason.length() > 500 ? reason.substring(0, 500) : reason;
        return db.withConnection(c -> Bind.update(c, DeliverySql.MARK_BOUNCED, r, deliveryId) == 1);
    }

    /** SENT → BLOCKED with the receiver's refusal (a delivery report of a policy refusal); false if the delivery was not SENT. */
    boolean markBlocked(long deliveryId, String reason) {
        String r = reason.length() > 500 ? reason.substring(0, 500) : reason;
        return db.withConnection(c -> Bind.update(c, DeliverySql.MARK_BLOCKED, r, deliveryId) == 1);
    }

    /** Anonymises a member's deliveries; waiting ones are cancelled. States, times and letters stay for the log. */
    static void erase(Connection c, long memberId) throws SQLException {
        Bind.update(c, DeliverySql.ERASE_CANCEL_WAITING, memberId);
        Bind.update(c, DeliverySql.ERASE_MEMBER, memberId);
    }
}
