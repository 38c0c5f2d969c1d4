package se.utskick.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Database;

/** The SQL of {@code user_account}. */
final class UserStore {
    private static final String COLUMNS = "id, username, display_name, state, created_at, password_hash, totp_secret";

    /** An account with its stored hash and sealed TOTP secret (null: not enrolled), which never leave this package. */
    record Account(User user, String passwordHash, byte[] sealedTotpSecret) {
    }

    private final Database db;

    UserStore(Database db) {
        this.db = db;
    }

    /** Inserts an account; empty if the username is taken. */
    Optional<User> insert(String username, String displayName, String passwordHash, Instant now) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_account (username, display_name, password_hash,"
                    + " state, created_at) VALUES (?, ?, ?, 'ACTIVE', ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, username);
                ps.setString(2, displayName);
                ps.setString(3, passwordHash);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new User(keys.getLong(1), username, displayName, true, now));
                }
            } catch (SQLIntegrityConstraintViolationException e) {
                return Optional.empty();
            }
        });
    }

    List<User> list() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM user_account ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(account(rs).user());
                }
                return out;
            }
        });
    }

    Optional<Account> find(String username) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM user_account WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Sets the state and, in the same transaction, ends the account's sessions. False if there is no such user. */
    boolean setState(String username, UserState state) {
        return update(username, "UPDATE user_account SET state = ? WHERE username = ?", state.name());
    }

    /** Sets the hash and, in the same transaction, ends the account's sessions. False if there is no such user. */
    boolean setPasswordHash(String username, String passwordHash) {
        return update(username, "UPDATE user_account SET password_hash = ? WHERE username = ?", passwordHash);
    }

    /**
     * Stores a new sealed TOTP secret, forgets the last used step and, in the same transaction, ends
     * the account's sessions (signed in, or half signed in, with the old factor). False if there is no such user.
     */
    boolean setTotpSecret(String username, byte[] sealed) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE user_account SET totp_secret = ?, totp_last_step = NULL WHERE username = ?")) {
                ps.setBytes(1, sealed);
                ps.setString(2, username);
                n = ps.executeUpdate();
            }
            endSessions(c, username);
            return n > 0 || exists(c, username);
        });
    }

    /**
     * Marks {@code step} as used if it is later than the last used one, atomically (one conditional
     * UPDATE, so two requests with the same code cannot both win). False: that step or a later one
     * was already used, i.e. the code is a replay.
     */
    boolean useTotpStep(long userId, long step) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE user_account SET totp_last_step = ?"
                    + " WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)")) {
                ps.setLong(1, step);
                ps.setLong(2, userId);
                ps.setLong(3, step);
                return ps.executeUpdate();
            }
        }) == 1;
    }

    /** Replaces the hash (same password, current parameters) without ending sessions. */
    void rehash(long userId, String passwordHash) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE user_account SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, passwordHash);
                ps.setLong(2, userId);
                return ps.executeUpdate();
            }
        });
    }

    private boolean update(String username, String sql, String value) {
        return db.inTransaction(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, value);
                ps.setString(2, username);
                n = ps.executeUpdate();
            }
            endSessions(c, username);
            return n > 0 || exists(c, username);
        });
    }

    private static boolean exists(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM user_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void endSessions(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE s FROM user_session s JOIN user_account u ON u.id = s.user_id"
                + " WHERE u.username = ?")) {
            ps.setString(1, username);
            ps.executeUpdate();
        }
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                UserState.valueOf(rs.getString("state")) == UserState.ACTIVE, rs.getTimestamp("created_at").toInstant());
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(user(rs), rs.getString("password_hash"), rs.getBytes("totp_secret"));
    }
}
