package se.utskick.register;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The active members a full import marks LEFT: those whose number is not in the file. Found by
 * streaming the active members' numbers past the file's set of numbers, before anything is written,
 * so a mass leave can be refused first; holds only their ids (and, for a dry run, their change
 * lines). Runs on the caller's connection and transaction; one per import.
 */
final class Leavers {
    private static final int CHUNK = 1_000;
    /** Active members before the import. */
    int active;
    final List<String> changes = new ArrayList<>();
    private long[] ids = new long[64];
    private int count;

    private Leavers() {
    }

    /** The active members whose number is not in {@code numbers}; their change lines if {@code describe}. */
    static Leavers find(Connection c, Set<String> numbers, boolean describe) throws SQLException {
        Leavers l = new Leavers();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, member_number, first_name, last_name FROM member"
                + " WHERE status = 'ACTIVE'")) {
            ps.setFetchSize(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    l.active++;
                    String number = rs.getString(2);
                    if (!numbers.contains(number)) {
                        l.add(rs.getLong(1));
                        if (describe) {
                            l.changes.add("left    " + number + " " + rs.getString(3) + " " + rs.getString(4));
                        }
                    }
                }
            }
        }
        return l;
    }

    /** No one leaves (a partial import). */
    static Leavers none() {
        return new Leavers();
    }

    int count() {
        return count;
    }

    /** How many of them hold a role (the import removes those roles). */
    int withRoles(Connection c) throws SQLException {
        int n = 0;
        for (int from = 0; from < count; from += CHUNK) {
            long[] part = Arrays.copyOfRange(ids, from, Math.min(count, from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT member_id) FROM member_role WHERE member_id IN ("
                    + marks(part.length) + ")")) {
                bind(ps, part, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getInt(1);
                }
            }
        }
        return n;
    }

    /** Marks them LEFT as of {@code today} and removes their roles. */
    void write(Connection c, LocalDate today) throws SQLException {
        for (int from = 0; from < count; from += CHUNK) {
            long[] part = Arrays.copyOfRange(ids, from, Math.min(count, from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM member_role WHERE member_id IN (" + marks(part.length) + ")")) {
                bind(ps, part, 1);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE member SET status = 'LEFT', left_on = ?,"
                    + " updated_at = CURRENT_TIMESTAMP(3) WHERE id IN (" + marks(part.length) + ")")) {
                ps.setDate(1, Date.valueOf(today));
                bind(ps, part, 2);
                ps.executeUpdate();
            }
        }
    }

    private void add(long id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = id;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, long[] values, int first) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setLong(first + i, values[i]);
        }
    }
}
