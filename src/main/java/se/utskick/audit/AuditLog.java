package se.utskick.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/**
 * Writes and reads the audit log ({@code audit_log}, migration V9_1).
 *
 * <p>Thread-safe. {@link #record(String, String, String, String)} is its own statement in auto-commit
 * mode; {@link #record(java.sql.Connection, String, String, String, String)} writes on the caller's
 * connection, so the entry commits or rolls back with the change it records.
 */
public final class AuditLog {
    public static final int MAX_LIMIT = 10_000;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** The log's named queries ({@code sql/audit.sql}), prepared at start by the composition root. */
    public static final NamedQueries QUERIES = NamedQueries.load("audit", Map.of());
    private static final Sql RECORD = QUERIES.get("audit.record");
    private static final Sql RECENT = QUERIES.get("audit.recent");

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Appends one entry, timed by this log's clock.
     *
     * @param actor   who: a staff username, or {@code "cli:" + user.name}; 1-64 characters
     * @param action  a dotted lower-case word such as {@code letter.approve}; at most 64 characters
     * @param subject what, by id: {@code letter 7}; 1-200 characters
     * @param detail  counts or states, or null; at most 1000 characters
     * @throws AuditException if a value is empty, too long, has a control character, or (subject,
     *                        detail) contains {@code @}: an e-mail address has no place in the log
     */
    public void record(String actor, String action, String subject, String detail) {
        db.withConnection(c -> {
            record(c, actor, action, subject, detail);
            return null;
        });
    }

    /**
     * {@link #record(String, String, String, String)} on the caller's connection: the entry commits or
     * rolls back with the change it records.
     */
    public void record(java.sql.Connection c, String actor, String action, String subject, String detail) throws java.sql.SQLException {
        String d = detail == null ? "" : detail;
        check("actor", actor, 1, 64);
        check("subject", subject, 1, 200);
        check("detail", d, 0, 1000);
        if (action == null || action.length() > 64 || !ACTION.matcher(action).matches()) {
            throw new AuditException("the audit action '" + action + "' is not a dotted lower-case word such as letter.approve");
        }
        if (subject.indexOf('@') >= 0 || d.indexOf('@') >= 0) {
            throw new AuditException("an audit entry for " + action + " contains '@': name members and letters by id"
                    + " (member 1234), never by e-mail address");
        }
        Instant at = clock.instant();
        Bind.update(c, RECORD, at, actor, action, subject, d);
    }

    /**
     * The newest entries first, filtered by whichever arguments are not null.
     *
     * @param action an exact action ({@code letter.send}) or a prefix of whole words ({@code letter}
     *               matches {@code letter.send} and {@code letter.approve})
     * @param since  entries at or after this instant
     * @param limit  1 to {@value #MAX_LIMIT}
     */
    public List<AuditEntry> recent(String actorOrNull, String actionOrNull, Instant sinceOrNull, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new AuditException("the audit limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        String prefix = actionOrNull == null ? null
                : actionOrNull.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
        return db.withConnection(c -> Bind.list(c, RECENT, AuditLog::entry, actorOrNull, actorOrNull,
                actionOrNull, actionOrNull, prefix, sinceOrNull, sinceOrNull, limit));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"));
    }

    private static void check(String field, String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            throw new AuditException("the audit " + field + " must be " + min + " to " + max + " characters long");
        }
        if (CONTROL.matcher(value).find()) {
            throw new AuditException("the audit " + field + " must not contain control characters (line breaks, tabs)");
        }
    }
}
