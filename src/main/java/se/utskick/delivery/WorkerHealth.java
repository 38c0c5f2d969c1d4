package se.utskick.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What one sender worker of this process says about itself: whether its thread is alive, what it
 * is doing, when it last claimed deliveries and its last failure. For the dashboard and a health
 * endpoint ({@link Delivery#workerHealth()}). Immutable snapshot.
 *
 * @param worker         the worker's name (also {@code claimed_by} of the rows it holds)
 * @param alive          its thread is running
 * @param state          what it is doing now
 * @param lastClaim      when it last claimed deliveries, or null if never
 * @param lastClaimRows  how many it claimed then
 * @param lastError      its last failure (English, no personal data), or null if none
 * @param lastErrorAt    when that was, or null
 * @param failuresInARow failures since its last claim that went through (0 when working normally)
 */
public record WorkerHealth(String worker, boolean alive, State state, Instant lastClaim, int lastClaimRows, String lastError,
                           Instant lastErrorAt, int failuresInARow) {

    /** STARTING before its first round; SENDING or IDLE after one; BACKING_OFF after a failure; STOPPED when its thread ended. */
    public enum State { STARTING, SENDING, IDLE, BACKING_OFF, STOPPED }

    /** Alive and not backing off after a failure. */
    public boolean healthy() {
        return alive && state != State.BACKING_OFF && state != State.STOPPED;
    }

    /** The mutable side, written by the worker's thread and read by others. */
    static final class Tracker {
        private final String worker;
        private volatile State state = State.STARTING;
        private volatile Instant lastClaim;
        private volatile int lastClaimRows;
        private volatile String lastError;
        private volatile Instant lastErrorAt;
        private volatile int failuresInARow;

        Tracker(String worker) {
            this.worker = worker;
        }

        void claimed(Instant at, int rows) {
            lastClaim = at;
            lastClaimRows = rows;
            state = State.SENDING;
        }

        void ok(boolean worked) {
            failuresInARow = 0;
            state = worked ? State.SENDING : State.IDLE;
        }

        void failed(Instant at, String error, Duration wait) {
            lastError = error.length() > 500 ? error.substring(0, 500) : error;
            lastErrorAt = at;
            if (!wait.isZero()) {
                failuresInARow++;
                state = State.BACKING_OFF;
            }
        }

        void stopped() {
            state = State.STOPPED;
        }

        WorkerHealth snapshot(boolean alive) {
            return new WorkerHealth(worker, alive, alive ? state : State.STOPPED, lastClaim, lastClaimRows, lastError, lastErrorAt,
                    failuresInARow);
        }
    }
}
