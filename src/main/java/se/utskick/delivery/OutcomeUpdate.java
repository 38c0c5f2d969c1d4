package se.utskick.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.function.Function;

/**
 * The one UPDATE that records the outcomes of many claimed rows that end in the same state:
 * {@code SET due_at = CASE id WHEN ? THEN ? … END, …  WHERE id IN (…) AND (claimed_by = ? OR
 * claimed_by IS NULL)}. A column is written only for the rows that carry a value for it (sent_at,
 * last_reply and message_id keep their old value otherwise). The statement text depends only on the
 * state and the row count, so the driver's prepared-statement cache serves it. At most ten
 * parameters per row: the largest batch (1,000) stays far below MariaDB's 65,535. Stateless.
 */
final class OutcomeUpdate {
    private OutcomeUpdate() {
    }

    static void execute(Connection c, DeliveryState state, boolean attemptNotCounted, List<Outbox.Result> rows, String worker)
            throws SQLException {
        List<Object> params = new ArrayList<>(rows.size() * 9 + 1);
        StringBuilder sql = new StringBuilder(256 + rows.size() * 80).append("UPDATE delivery SET state = ");
        // the state is an enum constant's name, never data
        if (state == DeliveryState.SENT) {
            sql.append("'SENT'");
        } else {
            sql.append("CASE WHEN state = 'CANCELLED' THEN 'CANCELLED' ELSE '").append(state.name()).append("' END");
        }
        perRow(sql, params, rows, "due_at", false, r -> Timestamp.from(r.dueAt()));
        perRow(sql, params, rows, "sent_at", true, r -> r.sentAt() == null ? null : Timestamp.from(r.sentAt()));
        perRow(sql, params, rows, "last_reply", true, Outbox.Result::reply);
        perRow(sql, params, rows, "message_id", true, Outbox.Result::messageId);
        if (attemptNotCounted) {
            sql.append(", attempts = attempts - 1");
        }
        sql.append(", lease_until = NULL, claimed_by = NULL WHERE id IN (");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            params.add(rows.get(i).deliveryId());
        }
        sql.append(") AND (claimed_by = ? OR claimed_by IS NULL)");
        params.add(worker);
        // typed setters and one calendar (the JVM's zone, as the driver's default): setObject would
        // look up a codec, and the default a Calendar, for each of the ~9 parameters per row
        Calendar zone = Calendar.getInstance();
        try (PreparedStatement u = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                switch (params.get(i)) {
                    case Long l -> u.setLong(i + 1, l);
                    case Timestamp t -> u.setTimestamp(i + 1, t, zone);
                    case String str -> u.setString(i + 1, str);
                    default -> throw new IllegalStateException("unexpected parameter " + params.get(i).getClass());
                }
            }
            u.executeUpdate();
        }
    }

    /**
     * Appends {@code , column = CASE id WHEN ? THEN ? … END} for the rows with a value; with
     * {@code keepOld}, wrapped in COALESCE so the others keep theirs (and the column is left out if
     * no row has a value).
     */
    private static void perRow(StringBuilder sql, List<Object> params, List<Outbox.Result> rows, String column, boolean keepOld,
                               Function<Outbox.Result, Object> value) {
        int start = sql.length();
        int firstParam = params.size();
        sql.append(", ").append(column).append(" = ").append(keepOld ? "COALESCE(CASE id" : "CASE id");
        for (Outbox.Result r : rows) {
            Object v = value.apply(r);
            if (v != null) {
                sql.append(" WHEN ? THEN ?");
                params.add(r.deliveryId());
                params.add(v);
            }
        }
        if (params.size() == firstParam) {
            if (!keepOld) {
                throw new IllegalArgumentException("no value for " + column);
            }
            sql.setLength(start);
            return;
        }
        sql.append(keepOld ? " END, " + column + ")" : " END");
    }
}
