package se.utskick.letters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SQL of a draft's items, on the caller's connection: each returns false when the letter is not
 * a draft or the item is missing, and the caller then throws so that its transaction rolls back
 * (a swap moves through a free position and may have moved one item already).
 */
final class ItemSql {
    private ItemSql() {
    }

    /** Appends an item; false if the letter is not a draft. */
    static boolean addItem(Connection c, long letterId, String heading, String body) throws SQLException {
        {
            if (!bump(c, letterId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO letter_item (letter_id, position, heading, body) "
                    + "SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ? FROM letter_item WHERE letter_id = ?")) {
                ps.setLong(1, letterId);
                ps.setString(2, heading);
                ps.setString(3, body);
                ps.setLong(4, letterId);
                ps.executeUpdate();
            }
            return true;
        }
    }

    /** Replaces item {@code position}'s heading and body; false if the letter is not a draft or has no such item. */
    static boolean editItem(Connection c, long letterId, int position, String heading, String body) throws SQLException {
        {
            if (!bump(c, letterId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE letter_item SET heading = ?, body = ? WHERE letter_id = ? AND position = ?")) {
                ps.setString(1, heading);
                ps.setString(2, body);
                ps.setLong(3, letterId);
                ps.setInt(4, position);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Removes item {@code position} and closes the gap; false if not a draft or no such item. */
    static boolean removeItem(Connection c, long letterId, int position) throws SQLException {
        {
            if (!bump(c, letterId)) {
                return false;
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM letter_item WHERE letter_id = ? AND position = ?");
                 PreparedStatement shift = c.prepareStatement("UPDATE letter_item SET position = position - 1 "
                         + "WHERE letter_id = ? AND position > ? ORDER BY position")) {
                del.setLong(1, letterId);
                del.setInt(2, position);
                if (del.executeUpdate() != 1) {
                    return false;
                }
                shift.setLong(1, letterId);
                shift.setInt(2, position);
                shift.executeUpdate();
            }
            return true;
        }
    }

    /**
     * Swaps items {@code position} and {@code other} (through a free position, as the pair is
     * UNIQUE); false if not a draft or either item is missing.
     */
    static boolean swapItems(Connection c, long letterId, int position, int other) throws SQLException {
        {
            if (!bump(c, letterId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE letter_item SET position = ? WHERE letter_id = ? AND position = ?")) {
                int[][] moves = {{0, position}, {position, other}, {other, 0}};
                for (int[] m : moves) {
                    ps.setInt(1, m[0]);
                    ps.setLong(2, letterId);
                    ps.setInt(3, m[1]);
                    if (ps.executeUpdate() != 1) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static boolean bump(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET version = version + 1, updated_at = CURRENT_TIMESTAMP(3) "
                + "WHERE id = ? AND state = 'DRAFT'")) {
            ps.setLong(1, letterId);
            return ps.executeUpdate() == 1;
        }
    }
}
