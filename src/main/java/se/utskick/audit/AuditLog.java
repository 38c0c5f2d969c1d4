package se.utskick.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import se.utskick.db.Database;

/**
 * Writes and reads the audit log ({@code audit_log}, migration V9_1).
 *
 * <p>Thread-safe. Each {@link #record} is its own statement in auto-commit mode, so it is written
 * even when the caller's own work is later rolled back; callers record after the change succeeded.
 */
public final class AuditLog {
    public static final int MAX_LIMIT = 10_000;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

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
        db.withConnection(c -> insert(c, actor, action, subject, d));
    }

    /**
     * As {@link #record}, but on the caller's connection: inside the caller's transaction, so the
     * change and its audit row are committed or rolled back together (admin, issue 16).
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
            throw new AuditException("an audit entry for " + action + " contains '@': name members and letters by id");
        }
        insert(c, actor, action, subject, d);
    }

    private int insert(java.sql.Connection c, String actor, String action, String subject, String d) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, d);
            return ps.executeUpdate();
        }
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
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, subject, detail FROM audit_log WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (actorOrNull != null) {
            sql.append(" AND actor = ?");
            args.add(actorOrNull);
        }
        if (actionOrNull != null) {
            sql.append(" AND (action = ? OR action LIKE ?)");
            args.add(actionOrNull);
            args.add(actionOrNull.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
        }
        if (sinceOrNull != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(sinceOrNull));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(limit);
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
                return out;
            }
        });
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
