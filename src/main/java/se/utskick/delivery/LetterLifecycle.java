package se.utskick.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The letter states that delivery moves (the letters feature owns the states and DRAFT → APPROVED):
 * APPROVED → SCHEDULED → SENDING → SENT, and → CANCELLED. Implemented by the letters feature; wired
 * in the composition root.
 */
public interface LetterLifecycle {

    /**
     * APPROVED or SCHEDULED → SENDING, on {@code c} inside the freeze transaction, so that a letter is
     * frozen at most once.
     *
     * @throws se.utskick.UtskickException naming the letter and its state if it is not sendable
     */
    void startSending(Connection c, long letterId) throws SQLException;

    /** APPROVED → SCHEDULED with its send time; the scheduler fires it. */
    void schedule(long letterId, Instant at);

    /** SENDING → SENT once no delivery of the letter is waiting any more. */
    void finished(long letterId);

    /** Any state but SENT → CANCELLED. */
    void cancelled(long letterId);
}
