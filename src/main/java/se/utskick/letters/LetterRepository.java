package se.utskick.letters;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Database;

/** The SQL of letters and their items. Edits are only applied to drafts ({@code WHERE state = 'DRAFT'}). */
final class LetterRepository {
    private static final String COLUMNS = "id, kind, period, state, subject, audience_name, audience_rule, "
            + "feedback_request, feedback_deadline, website_password, version";
    private final Database db;

    LetterRepository(Database db) {
        this.db = db;
    }

    long insert(LetterKind kind, YearMonth period, String subject, String audienceName, String rule) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO letter (kind, period, subject, audience_name, audience_rule) "
                    + "VALUES (?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind.name());
                ps.setString(2, period == null ? null : period.toString());
                ps.setString(3, subject);
                ps.setString(4, audienceName);
                ps.setString(5, rule);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                throw new LetterException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " letter for " + period
                        + " already exists; see 'utskick letter show " + kind.template() + "-" + period + "'");
            }
        });
    }

    Optional<Letter> find(long id) {
        return query("SELECT " + COLUMNS + " FROM letter WHERE id = ?", id);
    }

    Optional<Letter> find(LetterKind kind, YearMonth period) {
        return query("SELECT " + COLUMNS + " FROM letter WHERE kind = ? AND period = ?", kind.name(), period.toString());
    }

    /** Appends an item; false if the letter is not a draft. */
    boolean addItem(long letterId, String heading, String body) {
        return db.inTransaction(c -> {
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
        });
    }

    /** Replaces item {@code position}'s heading and body; false if the letter is not a draft or has no such item. */
    boolean editItem(long letterId, int position, String heading, String body) {
        return db.inTransaction(c -> {
            if (!bump(c, letterId)) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE letter_item SET heading = ?, body = ? WHERE letter_id = ? AND position = ?")) {
                ps.setString(1, heading);
                ps.setString(2, body);
                ps.setLong(3, letterId);
                ps.setInt(4, position);
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            return true;
        });
    }

    /** Removes item {@code position} and closes the gap; false if not a draft or no such item. */
    boolean removeItem(long letterId, int position) {
        return db.inTransaction(c -> {
            if (!bump(c, letterId)) {
                return false;
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM letter_item WHERE letter_id = ? AND position = ?");
                 PreparedStatement shift = c.prepareStatement("UPDATE letter_item SET position = position - 1 "
                         + "WHERE letter_id = ? AND position > ? ORDER BY position")) {
                del.setLong(1, letterId);
                del.setInt(2, position);
                if (del.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
                shift.setLong(1, letterId);
                shift.setInt(2, position);
                shift.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Swaps items {@code position} and {@code other} (through a free position, as the pair is
     * UNIQUE); false if not a draft or either item is missing.
     */
    boolean swapItems(long letterId, int position, int other) {
        return db.inTransaction(c -> {
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
                        c.rollback();
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /** The newest letters first, at most {@code limit}; of one kind when {@code kind} is not null. */
    List<Long> recent(LetterKind kind, int limit) {
        return db.withConnection(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM letter WHERE (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?")) {
                String k = kind == null ? null : kind.name();
                ps.setString(1, k);
                ps.setString(2, k);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Sets one column of a draft; false if the letter is not a draft. {@code column} is one of ours, never user input. */
    boolean set(long letterId, String column, Object value) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET " + column + " = ?, version = version + 1, "
                    + "updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'DRAFT'")) {
                if (value == null) {
                    ps.setNull(1, Types.VARCHAR);
                } else if (value instanceof java.time.LocalDate d) {
                    ps.setDate(1, Date.valueOf(d));
                } else {
                    ps.setObject(1, value);
                }
                ps.setLong(2, letterId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Ids of SENDING or SENT board and targeted letters with a deadline in [from, to], oldest deadline first. */
    List<Long> sentWithDeadline(java.time.LocalDate from, java.time.LocalDate to) {
        return db.withConnection(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM letter WHERE kind IN ('BOARD', 'TARGETED') "
                    + "AND state IN ('SENDING', 'SENT') AND feedback_deadline BETWEEN ? AND ? ORDER BY feedback_deadline, id")) {
                ps.setDate(1, Date.valueOf(from));
                ps.setDate(2, Date.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Every association's name by id (a few dozen rows). */
    java.util.Map<Long, String> associationNames() {
        return db.withConnection(c -> {
            java.util.Map<Long, String> names = new java.util.HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, name FROM association")) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                }
            }
            return names;
        });
    }

    private static boolean bump(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET version = version + 1, updated_at = CURRENT_TIMESTAMP(3) "
                + "WHERE id = ? AND state = 'DRAFT'")) {
            ps.setLong(1, letterId);
            return ps.executeUpdate() == 1;
        }
    }

    private Optional<Letter> query(String sql, Object... params) {
        return db.withConnection(c -> {
            Letter l;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    l = row(rs, items(c, rs.getLong("id")));
                }
            }
            return Optional.of(l);
        });
    }

    private static List<Letter.Item> items(Connection c, long letterId) throws SQLException {
        List<Letter.Item> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT position, heading, body FROM letter_item WHERE letter_id = ? ORDER BY position")) {
            ps.setLong(1, letterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Letter.Item(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return items;
    }

    private static Letter row(ResultSet rs, List<Letter.Item> items) throws SQLException {
        String period = rs.getString("period");
        Date deadline = rs.getDate("feedback_deadline");
        return new Letter(rs.getLong("id"), LetterKind.valueOf(rs.getString("kind")),
                period == null ? null : YearMonth.parse(period), LetterState.valueOf(rs.getString("state")),
                rs.getString("subject"), rs.getString("audience_name"), rs.getString("audience_rule"),
                rs.getString("feedback_request"), deadline == null ? null : deadline.toLocalDate(),
                rs.getString("website_password"), rs.getInt("version"), items);
    }
}
