package se.utskick.delivery;

import se.utskick.delivery.LetterComposer.PreparedLetter;

/**
 * One test message ("provutskick") through the real sending path: the letter's renderer (headers,
 * MIME, DKIM when configured) and an SMTP connection of its own to the relay, opened and closed for
 * this message. Nothing is stored in the outbox and no delivery row is made; the caller logs it as a
 * test. The token in its headers names {@link #TEST_DELIVERY_ID}, which belongs to no delivery, so a
 * reply or unsubscribe from it changes nothing.
 */
final class TestSend {
    /** The delivery id in a test message's token: the highest a token carries, which no delivery row reaches. */
    static final long TEST_DELIVERY_ID = (1L << 40) - 1;

    private TestSend() {
    }

    static Delivery.TestOutcome send(DeliveryConfig cfg, DeliveryTokens tokens, DkimSigning dkim, long letterId, PreparedLetter letter,
                                     long memberId, String firstName, String lastName, Long associationId, String address) {
        LetterRenderer renderer = new LetterRenderer(letterId, letter, cfg, tokens, dkim);
        ClaimedDelivery d = new ClaimedDelivery(TEST_DELIVERY_ID, letterId, memberId, address, firstName, lastName, associationId, 0, null, null);
        try (SmtpConnection connection = new SmtpConnection(cfg)) {
            OutgoingMessage m;
            try {
                m = renderer.render(connection.session(), d, new MessageBytes(16 * 1024));
            } catch (IllegalArgumentException e) {
                return new Delivery.TestOutcome(false, e.getMessage());
            }
            SmtpOutcome o = connection.send(m);
            return new Delivery.TestOutcome(o.state() == DeliveryState.SENT, o.reply());
        } catch (SmtpConnectionException e) {
            return new Delivery.TestOutcome(false, e.getMessage());
        }
    }
}
