package se.utskick.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's lease on the rows of its claim: until when they are its own (as far as it knows),
 * renewed when half of the lease is left, before the next message. A row whose lease was lost (it
 * ran out and another worker took it, or it was cancelled) must not be sent. Not thread-safe: one per
 * worker.
 */
final class LeaseKeeper {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    private final String worker;
    private final Outbox outbox;
    private final DeliveryConfig cfg;
    private final Clock clock;
    private Instant until = Instant.MIN;

    LeaseKeeper(String worker, Outbox outbox, DeliveryConfig cfg, Clock clock) {
        this.worker = worker;
        this.outbox = outbox;
        this.cfg = cfg;
        this.clock = clock;
    }

    /** A new claim's rows are leased until {@code leaseUntil}. */
    void claimed(Instant leaseUntil) {
        this.until = leaseUntil;
    }

    /** Until when the claim's rows are leased to this worker. */
    Instant until() {
        return until;
    }

    /**
     * Makes sure the rows still to be sent ({@code rest}) are leased long enough for one more
     * message: when half the lease is left it is renewed, and the rows found lost are added to
     * {@code lost}. If the database cannot be reached, false once the lease no longer covers a
     * whole message (then the row is given back rather than risk a second copy).
     */
    boolean holdFor(List<ClaimedDelivery> rest, Set<Long> lost) {
        Instant now = clock.instant();
        if (now.isBefore(until.minusNanos(cfg.lease().toNanos() / 2))) { // per message: no Duration.dividedBy (BigDecimal)
            return true;
        }
        Instant next = now.plus(cfg.lease());
        try {
            Set<Long> held = outbox.renew(worker, rest.stream().map(ClaimedDelivery::id).toList(), next);
            for (ClaimedDelivery d : rest) {
                if (!held.contains(d.id())) {
                    lost.add(d.id());
                }
            }
            until = next;
            if (!lost.isEmpty()) {
                log.warn("sender {}: {} claimed deliveries were lost (lease expired or cancelled) and are not sent here", worker, lost.size());
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("sender {}: could not renew the lease ({}); sending only while it lasts", worker, e.toString());
            return now.plus(cfg.messageDeadline()).isBefore(until);
        }
    }
}
