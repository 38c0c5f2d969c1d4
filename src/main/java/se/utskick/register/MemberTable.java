package se.utskick.register;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the {@code member} table for the import: load the rows of one chunk of the file, insert
 * in multi-row statements, update in batches. Every method runs on the caller's connection and transaction.
 */
final class MemberTable {
    private static final int BATCH = 5_000;
    static final int ROWS_PER_INSERT = 500;
    private static final String MEMBER_COLUMNS = "id, member_number, first_name, last_name, email, email_raw, email_status,"
            + " email_status_reason, email_status_since, phone, association_id, joined_on, status, left_on";

    /** The stored members among {@code numbers}, by member number (one query; the caller keeps the list short). */
    Map<String, MemberRecord> load(Connection c, List<String> numbers) throws SQLException {
        Map<String, MemberRecord> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM member WHERE member_number IN ("
                + String.join(", ", Collections.nCopies(numbers.size(), "?")) + ")")) {
            for (int i = 0; i < numbers.size(); i++) {
                ps.setString(i + 1, numbers.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MemberRecord m = member(rs);
                    out.put(m.number(), m);
                }
            }
        }
        return out;
    }

    /**
     * Inserts in multi-row INSERT statements of {@value #ROWS_PER_INSERT} rows: one prepared statement
     * reused for every full chunk. (JDBC batches of single-row inserts are split by the driver whenever
     * a parameter switches between NULL and a value, which e-mail and phone do all the time.)
     */
    void insert(Connection c, List<MemberRecord> members) throws SQLException {
        String head = "INSERT INTO member (member_number, first_name, last_name, email, email_raw, email_status,"
                + " email_status_reason, email_status_since, phone, association_id, joined_on, status, left_on) VALUES ";
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int full = members.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(head + String.join(", ", Collections.nCopies(ROWS_PER_INSERT, row)))) {
                for (int from = 0; from < full; from += ROWS_PER_INSERT) {
                    for (int k = 0; k < ROWS_PER_INSERT; k++) {
                        bind(ps, members.get(from + k), 1 + k * 13);
                    }
                    ps.executeUpdate();
                }
            }
        }
        if (full < members.size()) {
            try (PreparedStatement ps = c.prepareStatement(head + String.join(", ", Collections.nCopies(members.size() - full, row)))) {
                for (int k = full; k < members.size(); k++) {
                    bind(ps, members.get(k), 1 + (k - full) * 13);
                }
                ps.executeUpdate();
            }
        }
    }

    /** Updates members by id; the address columns only if {@code address} (see {@link ImportPlan#updates}). */
    void update(Connection c, List<MemberRecord> members, boolean address) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE member SET member_number = ?, first_name = ?, last_name = ?,"
                + " email_raw = ?, phone = ?, association_id = ?, joined_on = ?, status = ?, left_on = ?,"
                + (address ? " email = ?, email_status = ?, email_status_reason = ?, email_status_since = ?," : "")
                + " updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?")) {
            int n = 0;
            for (MemberRecord m : members) {
                ps.setString(1, m.number());
                ps.setString(2, m.firstName());
                ps.setString(3, m.lastName());
                setString(ps, 4, m.emailRaw());
                setString(ps, 5, m.phone());
                setInt(ps, 6, m.associationId());
                setDate(ps, 7, m.joined());
                ps.setString(8, m.status().name());
                setDate(ps, 9, m.leftOn());
                int i = 10;
                if (address) {
                    setString(ps, i++, m.email());
                    ps.setString(i++, m.emailStatus().name());
                    setString(ps, i++, m.emailReason());
                    ps.setTimestamp(i++, Timestamp.valueOf(m.emailSince()));
                }
                ps.setLong(i, m.id());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, MemberRecord m, int i) throws SQLException {
        ps.setString(i, m.number());
        ps.setString(i + 1, m.firstName());
        ps.setString(i + 2, m.lastName());
        setString(ps, i + 3, m.email());
        setString(ps, i + 4, m.emailRaw());
        ps.setString(i + 5, m.emailStatus().name());
        setString(ps, i + 6, m.emailReason());
        ps.setTimestamp(i + 7, Timestamp.valueOf(m.emailSince()));
        setString(ps, i + 8, m.phone());
        setInt(ps, i + 9, m.associationId());
        setDate(ps, i + 10, m.joined());
        ps.setString(i + 11, m.status().name());
        setDate(ps, i + 12, m.leftOn());
    }

    static MemberRecord member(ResultSet rs) throws SQLException {
        int assoc = rs.getInt(11);
        Integer associationId = rs.wasNull() ? null : assoc;
        Date joined = rs.getDate(12);
        Date left = rs.getDate(14);
        return new MemberRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), EmailStatus.valueOf(rs.getString(7)), rs.getString(8),
                rs.getTimestamp(9).toLocalDateTime(), rs.getString(10), associationId,
                joined == null ? null : joined.toLocalDate(), MemberStatus.valueOf(rs.getString(13)),
                left == null ? null : left.toLocalDate());
    }

    static void setString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(v));
        }
    }
}
