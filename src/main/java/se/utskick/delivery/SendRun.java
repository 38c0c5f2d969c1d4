package se.utskick.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * A letter's send run and its deliveries counted per state.
 *
 * @param pauseReason why a sender paused the run (the letter could not be composed), or null (running,
 *                    or paused by a person)
 */
public record SendRun(long letterId, String listId, SendRunState state, int recipients, Instant startedAt,
                      Instant finishedAt, Map<DeliveryState, Long> counts, String pauseReason) {

    public long count(DeliveryState s) {
        return counts.getOrDefault(s, 0L);
    }

    /** Deliveries that are neither sent nor given up: QUEUED and DEFERRED. */
    public long waiting() {
        return count(DeliveryState.QUEUED) + count(DeliveryState.DEFERRED);
    }
}
