package se.utskick.replies;

import java.util.Optional;
import se.utskick.replies.DeliveryDirectory.SentDelivery;

/**
 * What one incoming message is and what it belongs to.
 *
 * @param delivery  the delivery it answers or reports on (TOKEN or MESSAGE_ID correlation)
 * @param memberId  the member: the delivery's, or the one found by address (ADDRESS correlation)
 * @param unsubscribing the delivery of a genuine {@code unsubscribe+TOKEN@} token this was sent to
 * @param feedbackFor   for a reply to a feedback reminder: the board letter (delivery) it reminds of,
 *                      for which the reply counts as that association's feedback
 */
record Verdict(MessageKind kind, Correlation correlation, Optional<SentDelivery> delivery, Optional<Long> memberId,
               Optional<SentDelivery> unsubscribing, Optional<SentDelivery> feedbackFor) {

    Verdict(MessageKind kind, Correlation correlation, Optional<SentDelivery> delivery, Optional<Long> memberId,
            Optional<SentDelivery> unsubscribing) {
        this(kind, correlation, delivery, memberId, unsubscribing, Optional.empty());
    }
}
