package se.utskick.users;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import se.utskick.db.Database;

/**
 * Failed sign-ins counted in the database ({@code signin_failure}), per name and per client address,
 * so every serve node behind a load balancer sees the same counts and a restart forgets nothing.
 *
 * <p>A key is throttled while it has {@code maxFailures} failures within the window; it is free
 * again when the oldest of its newest {@code maxFailures} failures leaves the window. Attempts
 * refused as throttled are not counted (the password was not checked).
 */
final class SignInThrottle {
    private final Database db;
    private final int maxFailures;
    private final Duration window;

    SignInThrottle(Database db, int maxFailures, Duration window) {
        this.db = db;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long until an attempt for this name from this address is allowed; empty if it is now. */
    Optional<Duration> retryAfter(byte[] usernameHash, String clientAddress, Instant now) {
        Optional<Instant> byName = nthNewest("username_hash = ?", usernameHash, now);
        Optional<Instant> byAddress = nthNewest("client_address = ?", clientAddress, now);
        return java.util.stream.Stream.of(byName, byAddress).flatMap(Optional::stream)
                .map(at -> Duration.between(now, at.plus(window)))
                .filter(d -> d.isPositive())
                .max(Duration::compareTo);
    }

    void fail(byte[] usernameHash, String clientAddress, Instant now) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO signin_failure (username_hash, client_address, failed_at) VALUES (?, ?, ?)")) {
                ps.setBytes(1, usernameHash);
                ps.setString(2, clientAddress);
                ps.setTimestamp(3, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets the name's failures (after a successful sign-in); the address's stay. */
    void reset(byte[] usernameHash) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM signin_failure WHERE username_hash = ?")) {
                ps.setBytes(1, usernameHash);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes failures that no longer count; returns how many. */
    int purge(Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM signin_failure WHERE failed_at <= ?")) {
                ps.setTimestamp(1, Timestamp.from(now.minus(window)));
                return ps.executeUpdate();
            }
        });
    }

    /** The time of the key's maxFailures-th newest failure within the window, if it has that many. */
    private Optional<Instant> nthNewest(String where, Object key, Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT failed_at FROM signin_failure WHERE " + where
                    + " AND failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?")) {
                ps.setObject(1, key);
                ps.setTimestamp(2, Timestamp.from(now.minus(window)));
                ps.setInt(3, maxFailures - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
                }
            }
        });
    }
}
