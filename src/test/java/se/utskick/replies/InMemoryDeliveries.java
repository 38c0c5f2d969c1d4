package se.utskick.replies;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-written delivery log for tests: deliveries added with a token of the test's choosing;
 * their Message-ID is {@code TOKEN@utskick.example.se}, as delivery makes it. Any other token is
 * "forged". {@link #failAfter} makes a later lookup throw, to kill a poller half-way.
 */
final class InMemoryDeliveries implements DeliveryDirectory {
    static final String DOMAIN = "utskick.example.se";
    private final Map<String, SentDelivery> byToken = new ConcurrentHashMap<>();
    private final Map<String, SentDelivery> byMessageId = new ConcurrentHashMap<>();
    private volatile int lookupsLeft = Integer.MAX_VALUE;

    SentDelivery add(String token, long deliveryId, long letterId, String letterKind, Long memberId, Long associationId,
                     String email) {
        SentDelivery d = new SentDelivery(deliveryId, letterId, letterKind, memberId, associationId, email,
                token + "@" + DOMAIN);
        byToken.put(token, d);
        byMessageId.put(d.messageId(), d);
        return d;
    }

    /** After {@code n} more token lookups, every lookup throws {@link SimulatedCrash}. */
    void failAfter(int n) {
        lookupsLeft = n;
    }

    @Override
    public Optional<SentDelivery> byToken(String token) {
        if (lookupsLeft-- <= 0) {
            throw new SimulatedCrash();
        }
        return Optional.ofNullable(byToken.get(token));
    }

    @Override
    public Optional<SentDelivery> byMessageId(String messageId) {
        String id = messageId.startsWith("<") && messageId.endsWith(">") ? messageId.substring(1, messageId.length() - 1) : messageId;
        return Optional.ofNullable(byMessageId.get(id));
    }

    /** Stands for the process being killed: an Error, which the poller does not catch. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
