package se.utskick.delivery;

import java.time.Instant;

/**
 * A delivery row a worker holds under lease: what it needs to render and to decide a retry.
 *
 * @param inReplyTo the Message-ID this message answers (with angle brackets), or null
 */
record ClaimedDelivery(long id, long letterId, Long memberId, String email, String firstName, String lastName,
                       Long associationId, int attempts, Instant queuedAt, String inReplyTo) {
}
