package se.utskick.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which relay sends a message, shared by the senders of one process (issue 18): the first relay of
 * the letter kind's route ({@code smtp.route.KIND}) that is not set aside. A relay that cannot be
 * reached or refuses our envelope sender is set aside for {@code smtp.relay.set.aside} when the route
 * has another relay to take its rows; with no other relay it stays in use and the old rules hold
 * (the rows wait, or the letter is paused for a refused sender). Each relay has its own rate cap.
 * Thread-safe.
 */
final class RelayRouter {
    private static final Logger log = LoggerFactory.getLogger(RelayRouter.class);
    private final RelayConfig cfg;
    private final Map<String, Instant> asideUntil = new ConcurrentHashMap<>();
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    RelayRouter(RelayConfig cfg) {
        this.cfg = cfg;
        for (RelayConfig.Relay r : cfg.relays().values()) {
            limits.put(r.name(), new RateLimit(r.perSecond(), r.perHour()));
        }
    }

    /** The relay to send a letter of {@code kind} through now; null when every relay of its route is set aside. */
    RelayConfig.Relay pick(String kind, Instant now) {
        for (RelayConfig.Relay r : cfg.route(kind)) {
            if (!aside(r, now)) {
                return r;
            }
        }
        return null;
    }

    /** When the first relay of {@code kind}'s route comes back from being set aside. */
    Instant backAt(String kind, Instant now) {
        Instant first = null;
        for (RelayConfig.Relay r : cfg.route(kind)) {
            Instant until = asideUntil.get(r.name());
            if (until != null && (first == null || until.isBefore(first))) {
                first = until;
            }
        }
        return first == null ? now : first;
    }

    /**
     * {@code relay} failed us ({@code why}): set aside if another relay of {@code kind}'s route can take
     * its rows now; true if it was set aside (the message goes to the next relay).
     */
    boolean failed(RelayConfig.Relay relay, String kind, Instant now, String why) {
        List<RelayConfig.Relay> route = cfg.route(kind);
        boolean other = route.stream().anyMatch(r -> !r.name().equals(relay.name()) && !aside(r, now));
        if (!other) {
            return false;
        }
        Instant until = now.plus(cfg.setAside());
        Instant was = asideUntil.put(relay.name(), until);
        if (was == null || !was.isAfter(now)) {
            log.warn("relay '{}' set aside until {} (smtp.relay.set.aside), its messages go to the next relay for {}: {}",
                    relay.name(), until, kind, why);
        }
        return true;
    }

    private boolean aside(RelayConfig.Relay r, Instant now) {
        Instant until = asideUntil.get(r.name());
        return until != null && now.isBefore(until);
    }

    RateLimit rateLimit(RelayConfig.Relay r) {
        return limits.get(r.name());
    }
}
