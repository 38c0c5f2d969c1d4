package se.utskick.associations;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the association pages need from delivery and letters, adapted in the composition root:
 * the check of a page token and the delivery it names.
 */
public interface DeliveryLookup {

    /** The delivery id of a genuine page token; empty if forged or damaged. */
    OptionalLong verify(String token);

    /**
     * What a reminder letter is for (ADDRESSES, FEEDBACK, FEEDBACK_SUMMARY); empty for other letters.
     */
    Optional<String> reminderPurpose(long letterId);

    /** The delivery, if it exists. */
    Optional<LinkedDelivery> delivery(long deliveryId);

    /**
     * @param letterKind    BOARD, MEMBERS, TARGETED or REMINDER
     * @param associationId the association the recipient answers for, or null
     * @param sentAt        null until sent
     */
    record LinkedDelivery(long deliveryId, long letterId, String letterKind, Long memberId, Long associationId, Instant sentAt) {
    }
}
