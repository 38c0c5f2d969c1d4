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
import se.utskick.db.Bind;
import se.utskick.db.Database;

/** The SQL of letters and their items. Edits are only applied to drafts ({@code WHERE state = 'DRAFT'}). */
final class LetterRepository {
    private final Database db;

    LetterRepository(Database db) {
        this.db = db;
    }

    long insert(LetterKind kind, YearMonth period, String subject, String audienceName, String rule) {
        return db.withConnection(c -> insert(c, kind, period, subject, audienceName, rule));
    }

    static long insert(Connection c, LetterKind kind, YearMonth period, String subject, String audienceName, String rule) throws SQLException {
        try {
            return Bind.insert(c, LetterSql.INSERT, kind, period == null ? null : period.toString(), subject, audienceName, rule);
        } catch (java.sql.SQLIntegrityConstraintViolationException e) {
            throw new LetterException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " letter for " + period
                    + " already exists; see 'utskick letter show " + kind.template() + "-" + period + "'");
        }
    }

    Optional<Letter> find(long id) {
        return query(LetterSql.FIND, id);
    }

    Optional<Letter> find(LetterKind kind, YearMonth period) {
        return query(LetterSql.FIND_FOR_PERIOD, kind, period.toString());
    }

    /**
     * The newest letters first, at most {@code limit}, of one kind when {@code kind} is not null, with
     * their items: two queries however many letters (the letters, then all their items).
     */
    List<Letter> recentLetters(LetterKind kind, int limit) {
        return db.withConnection(c -> {
            List<Letter> bare = Bind.list(c, LetterSql.RECENT_LETTERS, rs -> row(rs, List.of()), kind, kind, limit);
            return withItems(c, bare);
        });
    }

    /** {@code letters} with their items, read in one query. */
    private static List<Letter> withItems(Connection c, List<Letter> letters) throws SQLException {
        if (letters.isEmpty()) {
            return letters;
        }
        java.util.Map<Long, List<Letter.Item>> items = new java.util.HashMap<>();
        // built here, not named: one placeholder per letter
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
        return Bind.update(c, LetterSql.SETTINGS, subject, deadline == null ? null : Date.valueOf(deadline), request, password,
                letterId, version) == 1;
    }

    /** Deletes a DRAFT that is not a reminder (its items and template rows go with it); false otherwise. */
    static boolean deleteDraft(Connection c, long letterId) throws SQLException {
        return Bind.update(c, LetterSql.DELETE_DRAFT, letterId) == 1;
    }

    /** The newest letters' ids first, at most {@code limit}; of one kind when {@code kind} is not null. */
    List<Long> recent(LetterKind kind, int limit) {
        return db.withConnection(c -> {
            return Bind.list(c, LetterSql.RECENT_IDS, rs -> rs.getLong(1), kind, kind, limit);
        });
    }

    /** Sets a draft's feedback request (null: none); false if the letter is not a draft. */
    boolean setFeedbackRequest(long letterId, String request) {
        return db.withConnection(c -> Bind.update(c, LetterSql.SET_FEEDBACK_REQUEST, request, letterId) == 1);
    }

    /** Sets a draft's feedback deadline (null: none); false if the letter is not a draft. */
    boolean setFeedbackDeadline(long letterId, java.time.LocalDate deadline) {
        return db.withConnection(c -> Bind.update(c, LetterSql.SET_FEEDBACK_DEADLINE,
                deadline == null ? null : Date.valueOf(deadline), letterId) == 1);
    }

    /** Ids of SENDING or SENT board and targeted letters with a deadline in [from, to], oldest deadline first. */
    List<Long> sentWithDeadline(java.time.LocalDate from, java.time.LocalDate to) {
        return db.withConnection(c -> {
            return Bind.list(c, LetterSql.SENT_WITH_DEADLINE, rs -> rs.getLong(1), Date.valueOf(from), Date.valueOf(to));
        });
    }

    /** Every association's name by id (a few dozen rows). */
    java.util.Map<Long, String> associationNames() {
        return db.withConnection(c -> {
            java.util.Map<Long, String> names = new java.util.HashMap<>();
            for (var e : Bind.list(c, LetterSql.ASSOCIATION_NAMES, rs -> java.util.Map.entry(rs.getLong(1), rs.getString(2)))) {
                names.put(e.getKey(), e.getValue());
            }
            return names;
        });
    }

    /** The letter on {@code c} (inside a caller's transaction). */
    static Optional<Letter> find(Connection c, long id) throws SQLException {
        return Bind.first(c, LetterSql.FIND, rs -> row(rs, items(c, id)), id);
    }

    private Optional<Letter> query(se.utskick.db.Sql sql, Object... params) {
        return db.withConnection(c -> Bind.first(c, sql, rs -> row(rs, items(c, rs.getLong("id"))), params));
    }

    private static List<Letter.Item> items(Connection c, long letterId) throws SQLException {
        return Bind.list(c, LetterSql.ITEMS, rs -> new Letter.Item(rs.getInt(1), rs.getString(2), rs.getString(3)), letterId);
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
