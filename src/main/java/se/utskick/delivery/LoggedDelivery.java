package se.utskick.delivery;

import java.time.Instant;

/**
 * One row of the delivery log.
 *
 * @param listId    the RFC 2919 List-Id the letter was sent with (names the letter's kind)
 * @param memberId  null once the member was erased
 * @param messageId the Message-ID with angle brackets, null until sent
 */
public record LoggedDelivery(long id, long letterId, String listId, Long memberId, Long associationId, String email,
                             DeliveryState state, int attempts, Instant queuedAt, Instant sentAt, String lastReply,
                             String messageId) {
}
