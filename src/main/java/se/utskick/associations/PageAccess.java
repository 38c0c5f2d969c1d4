package se.utskick.associations;

import java.time.Instant;

/**
 * A genuine, unexpired, unrevoked association page link: the delivery it came with (every audit
 * line names it; never the address), and the one association it opens. {@code officer}: the link
 * of a monthly address reminder, which shows the membership officer only their association's
 * members without a working address, and changes nothing.
 */
public record PageAccess(long deliveryId, long letterId, Long memberId, long associationId, String associationName,
                         Instant expiresAt, boolean officer) {

    /** The audit log's actor for what is done through this link. */
    String actor() {
        return "link:delivery " + deliveryId;
    }

    String subject() {
        return "association " + associationId;
    }
}
