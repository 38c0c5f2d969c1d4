package se.utskick.replies;

import java.util.Optional;

/**
 * What the replies feature needs from the delivery log to correlate an incoming message with what
 * was sent. Implemented over the delivery feature in the composition root.
 */
public interface DeliveryDirectory {

    /** The delivery whose signed token this is (from {@code reply+TOKEN@} or {@code bounce+TOKEN@}); empty if forged or damaged. */
    Optional<SentDelivery> byToken(String token);

    /** The delivery that was sent with this Message-ID (angle brackets optional); empty if none. */
    Optional<SentDelivery> byMessageId(String messageId);

    /**
     * The earlier delivery that {@code d} was sent In-Reply-To: for a feedback reminder, the board
     * letter that recipient received. Empty if none (the default, for directories without threading).
     */
    default Optional<SentDelivery> answered(SentDelivery d) {
        return Optional.empty();
    }

    /**
     * One sent delivery.
     *
     * @param letterKind     BOARD, MEMBERS, TARGETED or REMINDER
     * @param memberId       null once the member was erased
     * @param associationId  the association the recipient answers for, or null
     */
    record SentDelivery(long deliveryId, long letterId, String letterKind, Long memberId, Long associationId,
                        String email, String messageId) {
    }
}
