package se.utskick.users;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_session (token_hash, user_id, csrf_token,"
                    + " created_at, last_seen_at, expires_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(7, stage.name());
                ps.setBytes(1, tokenHash);
                ps.setLong(2, userId);
                ps.setString(3, csrfToken);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setTimestamp(6, Timestamp.from(expiresAt));
                return ps.executeUpdate();
            }
        });
    }

    /** The session of that stage if it has not expired at {@code now} and its user is active. */
    Optional<Row> find(byte[] tokenHash, Instant now, Stage stage) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT u.id, u.username, u.display_name, u.state, u.created_at,"
                    + " s.csrf_token, s.created_at AS s_created, s.last_seen_at, s.expires_at"
                    + " FROM user_session s JOIN user_account u ON u.id = s.user_id"
                    + " WHERE s.token_hash = ? AND s.expires_at > ? AND u.state = 'ACTIVE' AND s.stage = ?")) {
                ps.setBytes(1, tokenHash);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setString(3, stage.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Row(UserStore.user(rs), rs.getString("csrf_token"),
                            rs.getTimestamp("s_created").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                            rs.getTimestamp("expires_at").toInstant()));
                }
            }
        });
    }

    void touch(byte[] tokenHash, Instant now, Instant expiresAt) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE user_session SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(expiresAt));
                ps.setBytes(3, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    void delete(byte[] tokenHash) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE token_hash = ?")) {
                ps.setBytes(1, tokenHash);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes every session that expired before {@code now}; returns how many. */
    int purge(Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_session WHERE expires_at <= ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }
}
