package se.utskick.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.smtp.Refusals;

/**
 * Paces this process's sending per group of receiving domains ({@link PaceConfig}): at most the
 * group's connections at once and its messages per minute. A group that answers "too fast"
 * ({@link Refusals#throttling}) is held back for {@code delivery.pace.hold} and its rate halved; after
 * every {@code delivery.pace.raise.after} successes the rate goes up by a quarter, until it is back at
 * the configured pace. Only that group's rows wait: {@link #acquire} tells a sender when a row of a
 * held or busy group may be tried again, and the sender gives the row back due then (its attempt not
 * counted), so the other groups keep their pace. Changes are written to {@link PacingLog} for the
 * sending page and {@code letter status}. Thread-safe; per process (like the rate cap).
 */
final class DomainPacer {
    private static final Logger log = LoggerFactory.getLogger(DomainPacer.class);
    /** The longest a sender waits in line for its group before it gives the row back instead. */
    private static final long MAX_WAIT_NANOS = 1_000_000_000L;
    /** A slowed group never goes below one message a second: the hold, not the rate, is what gives a receiver a rest. */
    private static final double MIN_PER_MINUTE = 60;
    private final PaceConfig cfg;
    private final PacingLog pacingLog;
    private final String node;
    private final Map<String, GroupState> states = new LinkedHashMap<>();

    DomainPacer(PaceConfig cfg, PacingLog pacingLog, String node) {
        this.cfg = cfg;
        this.pacingLog = pacingLog;
        this.node = node;
        for (PaceConfig.Group g : cfg.groups()) {
            states.put(g.name(), new GroupState(g));
        }
    }

    /** The group of a recipient's address. */
    PaceConfig.Group groupOf(String email) {
        return cfg.groupOf(email);
    }

    /**
     * Takes a turn for one message to {@code group}: waits at most a second for the group's next slot
     * and a free connection, then returns null (the caller sends and must {@link #release}); or
     * returns when the row may be tried again (the group is held back or busy), without a turn taken.
     */
    Instant acquire(PaceConfig.Group group, Instant now) throws InterruptedException {
        GroupState s = states.get(group.name());
        long wait;
        synchronized (s) {
            long t = System.nanoTime();
            if (s.heldUntil != null && now.isBefore(s.heldUntil)) {
                return s.later(t, t + Duration.between(now, s.heldUntil).toNanos(), now);
            }
            long at = Math.max(t, s.nextSlot);
            wait = at - t;
            if (wait > MAX_WAIT_NANOS) {
                return s.later(t, at, now);
            }
            s.nextSlot = at + s.gapNanos();
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (s.connections != null && !s.connections.tryAcquire(MAX_WAIT_NANOS, TimeUnit.NANOSECONDS)) {
            return now.plusSeconds(1);
        }
        return null;
    }

    /**
     * Ends a turn taken by {@link #acquire}, with the outcome of the message (null or given back: no
     * verdict). A "too fast" answer holds the group back and halves its rate; a success counts
     * towards raising it again. Returns until when the group is held (the throttled row's earliest
     * retry), or null.
     */
    Instant release(PaceConfig.Group group, Outbox.Result r, Instant now) {
        GroupState s = states.get(group.name());
        if (s.connections != null) {
            s.connections.release();
        }
        if (r == null || r.attemptNotCounted()) {
            return null;
        }
        Change change = null;
        synchronized (s) {
            if (r.state() == DeliveryState.SENT) {
                s.sent(now);
                if (s.rate > 0 && s.slowed && ++s.successes >= cfg.raiseAfter()) {
                    s.successes = 0;
                    s.rate *= 1.25;
                    if (s.rate >= s.ceiling) {
                        s.rate = group.perMinute();
                        s.slowed = false;
                        s.heldUntil = null;
                        s.reason = null;
                    }
                    change = new Change((int) Math.round(s.slowed ? s.rate : 0), s.heldUntil, s.reason);
                }
            } else if (r.state() == DeliveryState.DEFERRED && Refusals.throttling(r.reply())) {
                double from = s.rate > 0 ? s.rate : Math.max(2 * MIN_PER_MINUTE, s.observedPerMinute(now));
                if (!s.slowed) {
                    s.ceiling = group.perMinute() > 0 ? group.perMinute() : from;
                }
                s.rate = Math.max(MIN_PER_MINUTE, from / 2);
                s.slowed = true;
                s.successes = 0;
                s.heldUntil = now.plus(cfg.hold());
                s.reason = r.reply();
                s.nextSlot = System.nanoTime() + cfg.hold().toNanos();
                change = new Change((int) Math.round(s.rate), s.heldUntil, s.reason);
                log.info("receiving domains '{}' answered too fast: held back {} s, then {} messages per minute: {}",
                        group.name(), cfg.hold().toSeconds(), change.rate(), withoutAddresses(r.reply()));
            }
        }
        if (change != null) {
            try {
                pacingLog.write(node, group.name(), change.rate(), change.heldUntil(), change.reason(), now);
            } catch (RuntimeException e) {
                log.warn("the pace of '{}' could not be recorded for the sending page: {}", group.name(), e.toString());
            }
        }
        synchronized (s) {
            return s.heldUntil != null && now.isBefore(s.heldUntil) ? s.heldUntil : null;
        }
    }

    private record Change(int rate, Instant heldUntil, String reason) {
    }

    /** A group's live state; guarded by itself. */
    private static final class GroupState {
        /** Null when every sender may send to the group at once (connections = 0). */
        final Semaphore connections;
        /** Messages per minute now allowed (0 = no cap). */
        double rate;
        /** The rate at which the group is back at its normal pace. */
        double ceiling;
        boolean slowed;
        int successes;
        long nextSlot = System.nanoTime();
        /** The turn after the last row given back (nanoTime), to spread rows given back. */
        long spreadNext = System.nanoTime();
        Instant heldUntil;
        String reason;
        Instant windowStart;
        int windowCount;

        GroupState(PaceConfig.Group g) {
            this.connections = g.connections() == 0 ? null : new Semaphore(g.connections(), true);
            this.rate = g.perMinute();
        }

        /**
         * When a row given back now should be tried again: the group's next free turn from
         * {@code from}, one gap after the last row given back, so rows given back come due one by one
         * in their turn instead of all at once (no slot is reserved: whoever comes first sends).
         */
        Instant later(long t, long from, Instant now) {
            long slot = Math.max(spreadNext, from);
            spreadNext = slot + Math.max(gapNanos(), 1_000_000);
            return now.plusNanos(slot - t);
        }

        long gapNanos() {
            return rate <= 0 ? 0 : (long) (60_000_000_000L / rate);
        }

        void sent(Instant now) {
            if (windowStart == null || Duration.between(windowStart, now).toSeconds() >= 60) {
                windowStart = now;
                windowCount = 0;
            }
            windowCount++;
        }

        /** Messages per minute sent to the group lately (within the last minute or so). */
        double observedPerMinute(Instant now) {
            if (windowStart == null) {
                return 0;
            }
            double seconds = Math.max(1, Duration.between(windowStart, now).toMillis() / 1000.0);
            return windowCount * 60 / seconds;
        }
    }

    /** A server's answer fit for the log: any e-mail address in it (some servers name the recipient) replaced. */
    static String withoutAddresses(String reply) {
        return reply == null ? null : reply.replaceAll("[^\\s<>()\\[\\]:;,\"']+@[^\\s<>()\\[\\]:;,\"']+", "<address>");
    }
}
