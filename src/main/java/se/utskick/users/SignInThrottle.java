package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.db.DatabaseException;
import se.utskick.db.Sql;

/**
 * Failed sign-ins counted in the database ({@code signin_failure}), per name and per client address,
 * so every serve node behind a load balancer sees the same counts and a restart forgets nothing.
 *
 * <p>A key is throttled while it has {@code maxFailures} failures within the window; it is free
 * again when the oldest of its newest {@code maxFailures} failures leaves the window.
 *
 * <p>The decision and the record are one atomic step ({@link #reserve}): in one transaction the
 * attempt locks the {@code signin_guard} rows of its name and its address (an upsert, so the lock
 * exists for a name never seen before), counts their failures and, when both are under the limit,
 * records its own failure <em>before</em> the password is checked. Concurrent attempts for one name
 * or from one address therefore queue on the lock and each sees the failures reserved before it: of
 * any number of parallel guesses at most {@code maxFailures} get their password checked. A right
 * password deletes the name's failures ({@link #reset}), the reservation with them; an attempt that
 * was not checked after all (the server was busy) gives its reservation back ({@link #release}).
 * Attempts refused as throttled record nothing.
 */
final class SignInThrottle {
    private static final int DEADLOCK_RETRIES = 5;

    private final Database db;
    private final int maxFailures;
    private final Duration window;

    /** The outcome of {@link #reserve}: a reserved failure (its row id), or how long to wait. */
    sealed interface Reservation {
        record Reserved(long failureId) implements Reservation {
        }

        record Throttled(Duration retryAfter) implements Reservation {
        }
    }

    SignInThrottle(Database db, int maxFailures, Duration window) {
        this.db = db;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * Atomically: throttled if the name or the address has {@code maxFailures} failures within the
     * window, else a failure recorded for this attempt, to be {@link #release released} or cleared by
     * {@link #reset} if the attempt turns out not to be one.
     */
    Reservation reserve(byte[] usernameHash, String clientAddress, Instant now) {
        return retryingDeadlocks(() -> db.inTransaction(c -> reserveIn(c, usernameHash, clientAddress, now)));
    }

    /** Runs {@code work} again, up to {@link #DEADLOCK_RETRIES} times in all, while the database picks it as a deadlock's victim. */
    private <T> T retryingDeadlocks(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (DatabaseException e) {
                if (attempt >= DEADLOCK_RETRIES || !isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    private Reservation reserveIn(Connection c, byte[] usernameHash, String clientAddress, Instant now) throws SQLException {
        // Always the name's row first, then the address's: one lock order, so no two attempts deadlock.
        Bind.update(c, UserSql.GUARD_LOCK, guardKey('n', usernameHash), now,
                guardKey('a', clientAddress.getBytes(StandardCharsets.US_ASCII)), now);
        // The first read of the transaction, after the locks: it sees every failure reserved before.
        Optional<Duration> wait = Stream.of(nthNewest(c, UserSql.FAILURE_NTH_NEWEST_BY_NAME, usernameHash, now),
                        nthNewest(c, UserSql.FAILURE_NTH_NEWEST_BY_ADDRESS, clientAddress, now))
                .flatMap(Optional::stream)
                .map(at -> Duration.between(now, at.plus(window)))
                .filter(Duration::isPositive)
                .max(Duration::compareTo);
        if (wait.isPresent()) {
            return new Reservation.Throttled(wait.get());
        }
        return new Reservation.Reserved(Bind.insert(c, UserSql.FAILURE_INSERT, usernameHash, clientAddress, now));
    }

    /** Gives back a reserved failure: the attempt was not checked after all. */
    void release(long failureId) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.FAILURE_RELEASE, failureId);
        });
    }

    /** Forgets the name's failures (after a successful sign-in); the address's other failures stay. */
    void reset(byte[] usernameHash) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.FAILURE_RESET, (Object) usernameHash);
        });
    }

    /**
     * Deletes failures that no longer count, and the lock rows of keys unused as long; returns how many
     * failures. Housekeeping for the hourly job only, never on a sign-in's path: its range deletes lock
     * the rows and gaps that parallel {@link #reserve reservations} insert into (seen as deadlocks that
     * turned refused guesses into errors), so it is retried as a deadlock's victim like a reservation.
     */
    int purge(Instant now) {
        Instant before = now.minus(window);
        retryingDeadlocks(() -> db.withConnection(c -> {
            return Bind.update(c, UserSql.GUARD_PURGE, before);
        }));
        return retryingDeadlocks(() -> db.withConnection(c -> {
            return Bind.update(c, UserSql.FAILURE_PURGE, before);
        }));
    }

    /** The time of the key's maxFailures-th newest failure within the window, if it has that many. */
    private Optional<Instant> nthNewest(Connection c, Sql byKey, Object key, Instant now) throws SQLException {
        return Bind.first(c, byKey, rs -> rs.getTimestamp(1).toInstant(), key, now.minus(window), maxFailures - 1);
    }

    private static byte[] guardKey(char kind, byte[] key) {
        byte[] out = new byte[key.length + 1];
        out[0] = (byte) kind;
        System.arraycopy(key, 0, out, 1, key.length);
        return out;
    }

    private static boolean isDeadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }
}
