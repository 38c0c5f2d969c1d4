package se.utskick.users;

import java.time.Instant;
import java.util.Optional;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The SQL of {@code user_session}. Tokens arrive here already hashed. A row is a {@link Stage#FULL}
 * session or a {@link Stage#PENDING} one (right password, code not yet given); every lookup names
 * the stage it wants, so a pending token is never taken for a session.
 */
final class SessionStore {

    /** A live session row with its active user. */
    record Row(User user, String csrfToken, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    }

    /** The stage of a session row; the same words as the column's ENUM. */
    enum Stage { PENDING, FULL }

    private final Database db;

    SessionStore(Database db) {
        this.db = db;
    }

    void insert(byte[] tokenHash, long userId, String csrfToken, Instant now, Instant expiresAt, Stage stage) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.SESSION_INSERT, tokenHash, userId, csrfToken, now, now, expiresAt, stage);
        });
    }

    /** The session of that stage if it has not expired at {@code now} and its user is active. */
    Optional<Row> find(byte[] tokenHash, Instant now, Stage stage) {
        return db.withConnection(c -> {
            return Bind.first(c, UserSql.SESSION_FIND, rs -> new Row(UserStore.user(rs), rs.getString("csrf_token"),
                    rs.getTimestamp("s_created").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant()), tokenHash, now, stage);
        });
    }

    void touch(byte[] tokenHash, Instant now, Instant expiresAt) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.SESSION_TOUCH, now, expiresAt, tokenHash);
        });
    }

    void delete(byte[] tokenHash) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.SESSION_DELETE, (Object) tokenHash);
        });
    }

    /** Deletes every session that expired before {@code now}; returns how many. */
    int purge(Instant now) {
        return db.withConnection(c -> {
            return Bind.update(c, UserSql.SESSION_PURGE, now);
        });
    }
}
