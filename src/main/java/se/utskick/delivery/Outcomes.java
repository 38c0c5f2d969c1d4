package se.utskick.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What a sender records for a claimed row: the server's verdict turned into the row's next state and
 * due time (4xx: retry after backoff × 2^(attempts-1), capped, FAILED past {@code delivery.max.age};
 * a stall: DEFERRED, FAILED after {@code delivery.stall.attempts}), or the row given back unsent with
 * its attempt not counted. Stateless apart from its settings; thread-safe.
 */
final class Outcomes {
    private final DeliveryConfig cfg;
    private final Clock clock;

    Outcomes(DeliveryConfig cfg, Clock clock) {
        this.cfg = cfg;
        this.clock = clock;
    }

    Outbox.Result of(ClaimedDelivery d, SmtpOutcome o, String messageId) {
        Instant now = clock.instant();
        return switch (o.state()) {
            case SENT -> new Outbox.Result(d.id(), DeliveryState.SENT, now, now, o.reply(), messageId, false, false);
            case DEFERRED -> deferred(d, o, now);
            default -> new Outbox.Result(d.id(), o.state(), now, null, o.reply(), null, false, o.badAddress());
        };
    }

    /** No answer in time after the connection was open: DEFERRED with the attempt counted; FAILED after delivery.stall.attempts. */
    Outbox.Result stalled(ClaimedDelivery d, SmtpConnectionException e) {
        Instant now = clock.instant();
        String reply = clip("no answer within " + cfg.messageDeadline().toSeconds() + " s (delivery.message.deadline) or "
                + cfg.readTimeout().toSeconds() + " s (smtp.timeout.read): " + e.getMessage());
        if (d.attempts() >= cfg.stallAttempts()) {
            return new Outbox.Result(d.id(), DeliveryState.FAILED, now, null,
                    clip("gave up after " + d.attempts() + " attempts: " + reply), null, false, false);
        }
        return deferred(d, new SmtpOutcome(DeliveryState.DEFERRED, reply, false), now);
    }

    /** 4xx: retry after backoff × 2^(attempts-1), capped; FAILED once the row is older than the max age. */
    private Outbox.Result deferred(ClaimedDelivery d, SmtpOutcome o, Instant now) {
        Duration wait = cfg.retryBackoff().multipliedBy(1L << Math.min(d.attempts() - 1, 20));
        if (wait.compareTo(cfg.retryBackoffMax()) > 0) {
            wait = cfg.retryBackoffMax();
        }
        Instant retryAt = now.plus(wait);
        if (retryAt.isAfter(d.queuedAt().plus(cfg.maxAge()))) {
            return new Outbox.Result(d.id(), DeliveryState.FAILED, now, null,
                    clip("gave up after " + d.attempts() + " attempts: " + o.reply()), null, false, false);
        }
        return new Outbox.Result(d.id(), DeliveryState.DEFERRED, retryAt, null, o.reply(), null, false, false);
    }

    /** Given back unsent, due now, the attempt not counted. */
    Outbox.Result returned(ClaimedDelivery d) {
        return returnedUntil(d, clock.instant());
    }

    /** Given back unsent, due at {@code dueAt} (e.g. its domain group's next turn), the attempt not counted. */
    Outbox.Result returnedUntil(ClaimedDelivery d, Instant dueAt) {
        return new Outbox.Result(d.id(), d.attempts() > 1 ? DeliveryState.DEFERRED : DeliveryState.QUEUED,
                dueAt, null, null, null, true, false);
    }

    /** A DEFERRED result due no earlier than {@code notBefore} (its group is held back until then). */
    static Outbox.Result notBefore(Outbox.Result r, Instant notBefore) {
        if (notBefore == null || r.state() != DeliveryState.DEFERRED || !r.dueAt().isBefore(notBefore)) {
            return r;
        }
        return new Outbox.Result(r.deliveryId(), r.state(), notBefore, null, r.reply(), null, false, false);
    }

    static String clip(String s) {
        String one = s.replaceAll("[\\r\\n]+", " ").strip();
        return one.length() > 500 ? one.substring(0, 500) : one;
    }
}
