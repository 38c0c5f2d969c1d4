package se.utskick.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords at a letter's web version, per client address and letter, in memory: after
 * {@link #MAX} wrong ones within {@link #WINDOW} the letter cannot be opened from that address
 * until the oldest falls out of the window. Guessing the month's short password stays slow; a
 * restart forgets (acceptable: the passwords change monthly). Thread-safe.
 */
final class PasswordAttempts {
    static final int MAX = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private final ConcurrentHashMap<String, Deque<Instant>> wrong = new ConcurrentHashMap<>();
    private final Clock clock;

    PasswordAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code key} may try again now. */
    boolean allowed(String key) {
        Deque<Instant> d = wrong.get(key);
        if (d == null) {
            return true;
        }
        synchronized (d) {
            prune(d);
            return d.size() < MAX;
        }
    }

    /** Records a wrong password for {@code key}. */
    void failed(String key) {
        Deque<Instant> d = wrong.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d);
            d.addLast(clock.instant());
        }
        if (wrong.size() > 10_000) { // keep memory bounded under a spray of addresses
            wrong.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private void prune(Deque<Instant> d) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!d.isEmpty() && d.peekFirst().isBefore(cutoff)) {
            d.removeFirst();
        }
    }
}
