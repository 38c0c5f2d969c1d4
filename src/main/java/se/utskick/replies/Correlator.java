package se.utskick.replies;

import java.util.Optional;
import se.utskick.replies.DeliveryDirectory.SentDelivery;
import se.utskick.replies.TokenAddress.Purpose;

/**
 * Ties a message to what we sent and decides its kind. Correlation, strongest first: a genuine
 * token in the address it was sent to; one of our Message-IDs in In-Reply-To/References (or in the
 * returned headers of a bounce); the sender's address (for a bounce: the failed recipient's) matched
 * to a member, which identifies a member but no letter; else UNMATCHED. A forged or damaged token
 * matches nothing, so the weaker evidence decides.
 *
 * <p>Kind: a mail to {@code unsubscribe+} is UNSUBSCRIBE; a delivery report is a bounce or DELAYED;
 * an automatic answer is AUTO_REPLY, and so is any non-report that came to the envelope sender
 * ({@code bounce+}), since only machines write to the envelope sender; the rest is REPLY.
 */
final class Correlator {
    private final DeliveryDirectory deliveries;
    private final MemberLookup members;

    Correlator(DeliveryDirectory deliveries, MemberLookup members) {
        this.deliveries = deliveries;
        this.members = members;
    }

    Verdict judge(IncomingMessage m) {
        Optional<TokenAddress> unsubscribe = m.tokens().stream().filter(t -> t.purpose() == Purpose.UNSUBSCRIBE).findFirst();
        Optional<SentDelivery> byToken = Optional.empty();
        for (TokenAddress t : m.tokens()) {
            byToken = deliveries.byToken(t.token());
            if (byToken.isPresent()) {
                break;
            }
        }
        boolean toBounceAddress = m.tokens().stream().anyMatch(t -> t.purpose() == Purpose.BOUNCE);
        MessageKind kind = kind(m, unsubscribe.isPresent(), toBounceAddress);
        Optional<SentDelivery> unsubscribing = unsubscribe.flatMap(t -> deliveries.byToken(t.token()));
        if (byToken.isPresent()) {
            return new Verdict(kind, Correlation.TOKEN, byToken, Optional.ofNullable(byToken.get().memberId()), unsubscribing);
        }
        for (String id : m.referencedIds()) {
            Optional<SentDelivery> d = deliveries.byMessageId(id);
            if (d.isPresent()) {
                return new Verdict(kind, Correlation.MESSAGE_ID, d, Optional.ofNullable(d.get().memberId()), unsubscribing);
            }
        }
        Optional<String> address = m.bounce().isPresent()
                ? Optional.ofNullable(m.bounce().get().recipient()).map(IncomingMessage::normalise) : m.fromEmail();
        Optional<Long> member = address.flatMap(members::byEmail);
        return new Verdict(kind, member.isPresent() ? Correlation.ADDRESS : Correlation.UNMATCHED,
                Optional.empty(), member, unsubscribing);
    }

    private static MessageKind kind(IncomingMessage m, boolean toUnsubscribe, boolean toBounceAddress) {
        if (toUnsubscribe) {
            return MessageKind.UNSUBSCRIBE;
        }
        if (m.bounce().isPresent()) {
            return m.bounce().get().kind();
        }
        return m.automatic() || toBounceAddress ? MessageKind.AUTO_REPLY : MessageKind.REPLY;
    }
}
