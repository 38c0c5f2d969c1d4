package se.utskick.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The letter states that delivery moves (the letters feature owns the states and DRAFT → APPROVED):
 * APPROVED → SCHEDULED → SENDING → SENT, SENT → SENDING (resend of failed deliveries), and → CANCELLED.
 * Implemented by the letters feature; wired in the composition root.
 *
 * <p>The moves that go with a change of the outbox ({@link #startSending}, {@link #resending},
 * {@link #cancelled}) run on the caller's connection inside its transaction: the letter's state and
 * its send run change together or not at all.
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

    /** SENDING → SENT once no delivery of the letter is waiting any more, on {@code c} inside the transaction that finishes the run. */
    void finished(Connection c, long letterId) throws SQLException;

    /**
     * SENT or SENDING → SENDING, on {@code c} inside the transaction that queues failed deliveries
     * again: a finished letter is being sent again.
     *
     * @throws se.utskick.UtskickException naming the letter and its state if it was never sent or is cancelled
     */
    void resending(Connection c, long letterId) throws SQLException;

    /**
     * Any state but SENT → CANCELLED, on {@code c} inside the transaction that cancels the send run,
     * so that a refusal changes nothing.
     *
     * @throws se.utskick.UtskickException naming the letter and its state if it is SENT
     */
    void cancelled(Connection c, long letterId) throws SQLException;
}
