package se.utskick.users;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The users feature's named queries ({@code sql/users.sql}). */
final class UserSql {
    static final NamedQueries QUERIES = NamedQueries.load("users", Map.of());
    static final Sql INSERT = QUERIES.get("users.insert");
    static final Sql LIST = QUERIES.get("users.list");
    static final Sql FIND = QUERIES.get("users.find");
    static final Sql SET_STATE = QUERIES.get("users.set_state");
    static final Sql SET_PASSWORD_HASH = QUERIES.get("users.set_password_hash");
    static final Sql SET_TOTP_SECRET = QUERIES.get("users.set_totp_secret");
    static final Sql USE_TOTP_STEP = QUERIES.get("users.use_totp_step");
    static final Sql REHASH = QUERIES.get("users.rehash");
    static final Sql EXISTS = QUERIES.get("users.exists");
    static final Sql END_SESSIONS = QUERIES.get("users.end_sessions");
    static final Sql ROLE = QUERIES.get("users.role");
    static final Sql SET_ROLE = QUERIES.get("users.set_role");
    static final Sql SESSION_INSERT = QUERIES.get("users.session_insert");
    static final Sql SESSION_FIND = QUERIES.get("users.session_find");
    static final Sql SESSION_TOUCH = QUERIES.get("users.session_touch");
    static final Sql SESSION_DELETE = QUERIES.get("users.session_delete");
    static final Sql SESSION_PURGE = QUERIES.get("users.session_purge");
    static final Sql GUARD_LOCK = QUERIES.get("users.guard_lock");
    static final Sql FAILURE_INSERT = QUERIES.get("users.failure_insert");
    static final Sql FAILURE_NTH_NEWEST_BY_NAME = QUERIES.get("users.failure_nth_newest_by_name");
    static final Sql FAILURE_NTH_NEWEST_BY_ADDRESS = QUERIES.get("users.failure_nth_newest_by_address");
    static final Sql FAILURE_RELEASE = QUERIES.get("users.failure_release");
    static final Sql FAILURE_RESET = QUERIES.get("users.failure_reset");
    static final Sql GUARD_PURGE = QUERIES.get("users.guard_purge");
    static final Sql FAILURE_PURGE = QUERIES.get("users.failure_purge");
    static final Sql RECOVERY_FORGET = QUERIES.get("users.recovery_forget");
    static final Sql RECOVERY_INSERT = QUERIES.get("users.recovery_insert");
    static final Sql RECOVERY_USE = QUERIES.get("users.recovery_use");
    static final Sql RECOVERY_LEFT = QUERIES.get("users.recovery_left");
    static final Sql LINK_INSERT = QUERIES.get("users.link_insert");
    static final Sql LINK_USE = QUERIES.get("users.link_use");
    static final Sql LINK_USER = QUERIES.get("users.link_user");

    private UserSql() {
    }
}
