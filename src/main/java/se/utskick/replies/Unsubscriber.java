package se.utskick.replies;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.replies.DeliveryDirectory.SentDelivery;

/**
 * Unsubscribing from the members' letter by the token of a delivery (the one-click link of RFC
 * 8058, the confirmation page, the {@code unsubscribe+TOKEN@} address) and re-subscribing by the
 * ombudsman.
 *
 * <p>Only the token of a MEMBERS-letter delivery unsubscribes: that is the only letter whose
 * List-Unsubscribe carries it. Tokens of board, targeted and reminder letters are refused, because
 * those letters are forwarded within boards and their Reply-To token must not let a reader
 * unsubscribe the recipient; and there is nothing for them to unsubscribe from, as role letters
 * cannot be unsubscribed. Unsubscribing is idempotent. Thread-safe.
 */
public final class Unsubscriber {
    private static final Logger log = LoggerFactory.getLogger(Unsubscriber.class);
    static final String UNSUBSCRIBABLE = "MEMBERS";

    public enum Result { UNSUBSCRIBED, UNKNOWN_TOKEN }

    private final DeliveryDirectory deliveries;
    private final Subscriptions subscriptions;
    private final MemberLookup members;

    public Unsubscriber(DeliveryDirectory deliveries, Subscriptions subscriptions, MemberLookup members) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.members = members;
    }

    /** True if {@code token} is a genuine MEMBERS-letter token of a member who still exists. */
    public boolean accepts(String token) {
        return delivery(token).isPresent();
    }

    public Result unsubscribe(String token) {
        Optional<SentDelivery> d = delivery(token);
        if (d.isEmpty()) {
            return Result.UNKNOWN_TOKEN;
        }
        subscriptions.unsubscribe(d.get().memberId());
        log.info("unsubscribed from the members' letter by the link of letter {}", d.get().letterId());
        return Result.UNSUBSCRIBED;
    }

    /** Re-subscribes the member with this number to the members' letter (the ombudsman's command). */
    public void resubscribe(String memberNumber) {
        long id = members.byNumber(memberNumber.strip()).orElseThrow(() -> new UtskickException(
                "there is no member with number " + memberNumber.strip() + "; check the number in the register"));
        subscriptions.resubscribe(id);
    }

    private Optional<SentDelivery> delivery(String token) {
        if (token == null || token.isEmpty() || token.length() > 200 || !token.matches("[A-Za-z0-9._=-]+")) {
            return Optional.empty();
        }
        return deliveries.byToken(token)
                .filter(d -> UNSUBSCRIBABLE.equals(d.letterKind()) && d.memberId() != null);
    }
}
