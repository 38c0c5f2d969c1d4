package se.utskick;

import java.util.List;
import java.util.Optional;
import se.utskick.replies.AddressStatus;
import se.utskick.replies.DeliveryDirectory;
import se.utskick.replies.LetterDirectory;
import se.utskick.replies.MemberLookup;
import se.utskick.replies.Subscriptions;

/**
 * Stand-ins for the adapters the composition root builds once the delivery, letters and register
 * features are merged: each call fails with a message saying so. The reply log itself (listing,
 * showing) works without them. Replace each with the real adapter when wiring the feature.
 */
final class NotYetWired implements DeliveryDirectory, LetterDirectory, AddressStatus, Subscriptions, MemberLookup {

    private static UtskickException missing(String what) {
        return new UtskickException(what + " is not wired into this build yet");
    }

    @Override
    public Optional<SentDelivery> byToken(String token) {
        throw missing("the delivery log");
    }

    @Override
    public Optional<SentDelivery> byMessageId(String messageId) {
        throw missing("the delivery log");
    }

    @Override
    public Optional<Letter> letter(long letterId) {
        throw missing("the letters feature");
    }

    @Override
    public List<Association> associationsAddressed(long letterId) {
        throw missing("the letters feature");
    }

    @Override
    public boolean markBounced(long memberId, String expectedEmail, String reason) {
        throw missing("the register");
    }

    @Override
    public void unsubscribe(long memberId) {
        throw missing("the register");
    }

    @Override
    public void resubscribe(long memberId) {
        throw missing("the register");
    }

    @Override
    public Optional<Long> byEmail(String normalisedEmail) {
        throw missing("the register");
    }

    @Override
    public Optional<Long> byNumber(String memberNumber) {
        throw missing("the register");
    }
}
