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
 * <p>Kind: a complaint (ARF, feedback loop) is COMPLAINT before anything else; a mail to
 * {@code unsubscribe+} is UNSUBSCRIBE; a delivery report is a bounce (hard, soft, BLOCKED) or DELAYED;
 * an automatic answer is AUTO_REPLY, and so is any non-report that came to the envelope sender
 * ({@code bounce+}), since only machines write to the envelope sender; the rest is REPLY.
 *
 * <p>A REPLY to a feedback reminder (a REMINDER delivery sent In-Reply-To a board letter) also
 * counts for the board letter it reminds of: found by the reminder delivery's In-Reply-To, else by
 * a board delivery of the same association among the reply's references.
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
            return new Verdict(kind, Correlation.TOKEN, byToken, Optional.ofNullable(byToken.get().memberId()), unsubscribing,
                    feedbackFor(kind, byToken.get(), m));
        }
        for (String id : m.referencedIds()) {
            Optional<SentDelivery> d = deliveries.byMessageId(id);
            if (d.isPresent()) {
                return new Verdict(kind, Correlation.MESSAGE_ID, d, Optional.ofNullable(d.get().memberId()), unsubscribing,
                        feedbackFor(kind, d.get(), m));
            }
        }
        Optional<String> address = m.bounce().isPresent()
                ? Optional.ofNullable(m.bounce().get().recipient()).map(IncomingMessage::normalise) : m.fromEmail();
        Optional<Long> member = address.flatMap(members::byEmail);
        return new Verdict(kind, member.isPresent() ? Correlation.ADDRESS : Correlation.UNMATCHED,
                Optional.empty(), member, unsubscribing);
    }

    /** The board letter delivery a reply to a feedback reminder counts for; empty for anything else. */
    private Optional<SentDelivery> feedbackFor(MessageKind kind, SentDelivery d, IncomingMessage m) {
        if (kind != MessageKind.REPLY || !"REMINDER".equals(d.letterKind()) || d.associationId() == null) {
            return Optional.empty();
        }
        Optional<SentDelivery> board = deliveries.answered(d).filter(b -> isBoardOf(b, d));
        if (board.isPresent()) {
            return board;
        }
        for (String id : m.referencedIds()) {
            Optional<SentDelivery> b = deliveries.byMessageId(id).filter(x -> isBoardOf(x, d));
            if (b.isPresent()) {
                return b;
            }
        }
        return Optional.empty();
    }

    private static boolean isBoardOf(SentDelivery board, SentDelivery reminder) {
        return ReplyLog.FEEDBACK_KINDS.contains(board.letterKind()) && reminder.associationId().equals(board.associationId());
    }

    private static MessageKind kind(IncomingMessage m, boolean toUnsubscribe, boolean toBounceAddress) {
        if (m.complaint().isPresent()) {
            return MessageKind.COMPLAINT;
        }
        if (toUnsubscribe) {
            return MessageKind.UNSUBSCRIBE;
        }
        if (m.bounce().isPresent()) {
            return m.bounce().get().kind();
        }
        return m.automatic() || toBounceAddress ? MessageKind.AUTO_REPLY : MessageKind.REPLY;
    }
}
