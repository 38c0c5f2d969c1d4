package se.utskick.letters;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return db.withConnection(c -> insert(c, kind, period, subject, audienceName, rule));
    }

    static long insert(Connection c, LetterKind kind, YearMonth period, String subject, String audienceName, String rule) throws SQLException {
        {
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
        }
    }

    Optional<Letter> find(long id) {
        return query("SELECT " + COLUMNS + " FROM letter WHERE id = ?", id);
    }

    Optional<Letter> find(LetterKind kind, YearMonth period) {
        return query("SELECT " + COLUMNS + " FROM letter WHERE kind = ? AND period = ?", kind.name(), period.toString());
    }

    /**
     * The newest letters first, at most {@code limit}, of one kind when {@code kind} is not null, with
     * their items: two queries however many letters (the letters, then all their items).
     */
    List<Letter> recentLetters(LetterKind kind, int limit) {
        return db.withConnection(c -> {
            List<Letter> bare = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM letter WHERE (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?")) {
                String k = kind == null ? null : kind.name();
                ps.setString(1, k);
                ps.setString(2, k);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bare.add(row(rs, List.of()));
                    }
                }
            }
            return withItems(c, bare);
        });
    }

    /** {@code letters} with their items, read in one query. */
    private static List<Letter> withItems(Connection c, List<Letter> letters) throws SQLException {
        if (letters.isEmpty()) {
            return letters;
        }
        java.util.Map<Long, List<Letter.Item>> items = new java.util.HashMap<>();
        String in = String.join(",", java.util.Collections.nCopies(letters.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT letter_id, position, heading, body FROM letter_item WHERE letter_id IN ("
                + in + ") ORDER BY letter_id, position")) {
            for (int i = 0; i < letters.size(); i++) {
                ps.setLong(i + 1, letters.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(new Letter.Item(rs.getInt(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return letters.stream().map(l -> new Letter(l.id(), l.kind(), l.period(), l.state(), l.subject(), l.audienceName(), l.audienceRule(),
                l.feedbackRequest(), l.feedbackDeadline(), l.websitePassword(), l.version(), List.copyOf(items.getOrDefault(l.id(), List.of()))))
                .toList();
    }

    /**
     * Writes a draft's settings whole, only if it is still a DRAFT at {@code version}; false otherwise
     * (the caller says why and rolls back).
     */
    static boolean settings(Connection c, long letterId, int version, String subject, java.time.LocalDate deadline, String request,
                            String password) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET subject = ?, feedback_deadline = ?, feedback_request = ?, "
                + "website_password = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'DRAFT' AND version = ?")) {
            ps.setString(1, subject);
            ps.setDate(2, deadline == null ? null : Date.valueOf(deadline));
            ps.setString(3, request);
            ps.setString(4, password);
            ps.setLong(5, letterId);
            ps.setInt(6, version);
            return ps.executeUpdate() == 1;
        }
    }

    /** Deletes a DRAFT that is not a reminder (its items and template rows go with it); false otherwise. */
    static boolean deleteDraft(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM letter WHERE id = ? AND state = 'DRAFT' AND kind <> 'REMINDER'")) {
            ps.setLong(1, letterId);
            return ps.executeUpdate() == 1;
        }
    }

    /** The newest letters' ids first, at most {@code limit}; of one kind when {@code kind} is not null. */
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

    /** Sets a draft's feedback request (null: none); false if the letter is not a draft. */
    boolean setFeedbackRequest(long letterId, String request) {
        return db.withConnection(c -> se.utskick.db.Bind.update(c, LetterSql.SET_FEEDBACK_REQUEST, request, letterId) == 1);
    }

    /** Sets a draft's feedback deadline (null: none); false if the letter is not a draft. */
    boolean setFeedbackDeadline(long letterId, java.time.LocalDate deadline) {
        return db.withConnection(c -> se.utskick.db.Bind.update(c, LetterSql.SET_FEEDBACK_DEADLINE,
                deadline == null ? null : Date.valueOf(deadline), letterId) == 1);
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

    /** The letter on {@code c} (inside a caller's transaction). */
    static Optional<Letter> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM letter WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, items(c, id))) : Optional.empty();
            }
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
