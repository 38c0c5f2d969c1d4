package se.utskick.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * A letter's send run and its deliveries counted per state.
 *
 * @param pauseReason why a sender paused the run, technically (an exception's message, the relay's
 *                    reply), or null (running, or paused by a person)
 * @param pauseKind   the cause of a sender's pause ({@link PauseKind}), or null as for the reason
 */
public record SendRun(long letterId, String listId, SendRunState state, int recipients, Instant startedAt,
                      Instant finishedAt, Map<DeliveryState, Long> counts, String pauseReason, PauseKind pauseKind) {

    public long count(DeliveryState s) {
        return counts.getOrDefault(s, 0L);
    }

    /** Deliveries that are neither sent nor given up: QUEUED and DEFERRED. */
    public long waiting() {
        return count(DeliveryState.QUEUED) + count(DeliveryState.DEFERRED);
    }
}
