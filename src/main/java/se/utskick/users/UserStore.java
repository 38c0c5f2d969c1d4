package se.utskick.users;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.db.Sql;

/** The SQL of {@code user_account}. */
final class UserStore {
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
            try {
                long id = Bind.insert(c, UserSql.INSERT, username, displayName, passwordHash, now);
                return Optional.of(new User(id, username, displayName, true, now));
            } catch (SQLIntegrityConstraintViolationException e) {
                return Optional.empty();
            }
        });
    }

    List<User> list() {
        return db.withConnection(c -> {
            return Bind.list(c, UserSql.LIST, rs -> account(rs).user());
        });
    }

    Optional<Account> find(String username) {
        return db.withConnection(c -> {
            return Bind.first(c, UserSql.FIND, UserStore::account, username);
        });
    }

    /** Sets the state and, in the same transaction, ends the account's sessions. False if there is no such user. */
    boolean setState(String username, UserState state) {
        return update(username, UserSql.SET_STATE, state.name());
    }

    /** Sets the hash and, in the same transaction, ends the account's sessions. False if there is no such user. */
    boolean setPasswordHash(String username, String passwordHash) {
        return update(username, UserSql.SET_PASSWORD_HASH, passwordHash);
    }

    /**
     * Stores a new sealed TOTP secret, forgets the last used step and, in the same transaction, ends
     * the account's sessions (signed in, or half signed in, with the old factor). False if there is no such user.
     */
    boolean setTotpSecret(String username, byte[] sealed) {
        return db.inTransaction(c -> {
            int n = Bind.update(c, UserSql.SET_TOTP_SECRET, sealed, username);
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
            return Bind.update(c, UserSql.USE_TOTP_STEP, step, userId, step);
        }) == 1;
    }

    /** Replaces the hash (same password, current parameters) without ending sessions. */
    void rehash(long userId, String passwordHash) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.REHASH, passwordHash, userId);
        });
    }

    private boolean update(String username, Sql sql, String value) {
        return db.inTransaction(c -> {
            int n = Bind.update(c, sql, value, username);
            endSessions(c, username);
            return n > 0 || exists(c, username);
        });
    }

    private static boolean exists(Connection c, String username) throws SQLException {
        return Bind.first(c, UserSql.EXISTS, rs -> true, username).isPresent();
    }

    private static void endSessions(Connection c, String username) throws SQLException {
        Bind.update(c, UserSql.END_SESSIONS, username);
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                UserState.valueOf(rs.getString("state")) == UserState.ACTIVE, rs.getTimestamp("created_at").toInstant());
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(user(rs), rs.getString("password_hash"), rs.getBytes("totp_secret"));
    }
}
