package se.utskick.web;

import java.util.Map;
import java.util.Optional;
import se.utskick.delivery.DeliveryLog;
import se.utskick.delivery.SendRun;
import se.utskick.letters.Letter;

/**
 * The compose page of a letter that was sent shows its real recipients, not today's audience: the
 * count frozen when it was sent ({@code sentCount}), the outcomes ({@code sentCounts}) and the first
 * recipients with their outcome, each a link to the message as that recipient was sent it
 * ({@code sentRows}). {@code asSent} is false for a letter not sent.
 */
final class SentRecipients {
    static final int ROWS = 25;

    private SentRecipients() {
    }

    static void put(Map<String, Object> m, Letter l, DeliveryLog deliveries) {
        Optional<SendRun> run = deliveries.run(l.id());
        m.put("asSent", run.isPresent());
        run.ifPresent(r -> {
            m.put("sentCount", r.recipients());
            Map<String, Long> counts = new java.util.LinkedHashMap<>();
            r.counts().forEach((s, n) -> counts.put(s.name(), n));
            m.put("sentCounts", counts);
            m.put("sentRows", deliveries.deliveries(l.id(), Optional.empty(), ROWS));
        });
    }
}
