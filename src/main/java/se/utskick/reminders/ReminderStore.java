package se.utskick.reminders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.delivery.RecipientSource;

/**
 * The SQL of reminders (named queries in {@code sql/reminders.sql}, see {@link ReminderSql}): what the register says needs fixing and who can be told (read from the
 * register's tables), which reminder letters exist (table {@code reminder}, whose unique keys make
 * each reminder once per month or per board letter), and the recipients decided for a letter until
 * it is frozen into the outbox (table {@code reminder_recipient}, emptied once frozen). Thread-safe.
 */
final class ReminderStore {
    private final Database db;
    private final Supplier<Map<Long, String>> associationNames;

    /** {@code associationNames} is the register's reader of association names (id → name). */
    ReminderStore(Database db, Supplier<Map<Long, String>> associationNames) {
        this.db = db;
        this.associationNames = associationNames;
    }

    /** Association id → how many of its members need fixing; only associations with any. */
    Map<Long, Integer> problemCounts() {
        return db.withConnection(c -> {
            Map<Long, Integer> out = new LinkedHashMap<>();
            Bind.list(c, ReminderSql.PROBLEM_COUNTS, rs -> Map.entry(rs.getLong(1), rs.getInt(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** The members of one association that need fixing, by name. */
    List<Problem> problems(long associationId) {
        return db.withConnection(c -> Bind.list(c, ReminderSql.PROBLEMS, rs -> new Problem(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), associationId));
    }

    /** The holders of {@code role} in an association (or district-wide when null), lowest member id first. */
    List<Holder> holders(String role, Long associationId) {
        return db.withConnection(c -> Bind.list(c, ReminderSql.HOLDERS, rs -> new Holder(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getBoolean(5)), role, associationId, associationId));
    }

    /** Association id → name, from the register. */
    Map<Long, String> associationNames() {
        return associationNames.get();
    }

    /** The reminder letter of this purpose for a month ({@code period}) or for a board letter ({@code about}). */
    Optional<Long> letterFor(Purpose purpose, String period, Long about) {
        return db.withConnection(c -> Bind.first(c, period != null ? ReminderSql.LETTER_FOR_PERIOD : ReminderSql.LETTER_ABOUT,
                rs -> rs.getLong(1), purpose, period != null ? period : about));
    }

    /** Records the letter as this reminder; false if another letter already is (a race lost). */
    boolean record(long letterId, Purpose purpose, String period, Long about) {
        return db.withConnection(c -> {
            try {
                Bind.update(c, ReminderSql.RECORD, letterId, purpose, period, about);
                return true;
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                return false;
            }
        });
    }

    Optional<Purpose> purposeOf(long letterId) {
        return db.withConnection(c -> Bind.first(c, ReminderSql.PURPOSE_OF, rs -> Purpose.valueOf(rs.getString(1)), letterId));
    }

    /** Replaces the letter's recipients, in one transaction. */
    void replaceRecipients(long letterId, List<Recipient> recipients) {
        db.inTransaction(c -> {
            forget(c, letterId);
            try (PreparedStatement ps = c.prepareStatement(ReminderSql.ADD_RECIPIENT.text())) {
                for (Recipient r : recipients) {
                    Bind.bind(ps, letterId, r.memberId(), r.associationId(), r.email(), r.firstName(), r.lastName()).addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Replaces the letter's recipients with the board-letter recipients of {@code associations} who
     * were sent it and still have a usable address, each threaded to the Message-ID they received.
     * Returns how many.
     */
    int replaceWithThreadedRecipients(long letterId, long boardLetterId, Collection<Long> associations) {
        if (associations.isEmpty()) {
            replaceRecipients(letterId, List.of());
            return 0;
        }
        String in = associations.stream().map(String::valueOf).collect(Collectors.joining(","));
        return db.inTransaction(c -> {
            forget(c, letterId);
            return Bind.update(c, ReminderSql.ADD_THREADED_RECIPIENTS, letterId, boardLetterId, in);
        });
    }

    /** Once the letter is frozen its recipients live in the delivery log: nothing personal is kept here. */
    void forget(long letterId) {
        db.withConnection(c -> forget(c, letterId));
    }

    private static int forget(Connection c, long letterId) throws SQLException {
        return Bind.update(c, ReminderSql.FORGET, letterId);
    }

    /** Erasing a member removes them from recipients decided but not yet frozen. */
    static void erase(Connection c, long memberId) throws SQLException {
        Bind.update(c, ReminderSql.ERASE_MEMBER, memberId);
    }

    /** Delivery's recipient query of a reminder letter: the six columns, threaded. */
    RecipientSource.Query recipientsOf(long letterId) {
        return new RecipientSource.Query(ReminderSql.RECIPIENTS_OF.text(), List.of(letterId), true);
    }

    /** A member to fix: {@code value} is the address as the register export gave it (null when missing). */
    record Problem(String firstName, String lastName, String number, String value, String status, String reason) {
    }

    /** A role holder; {@code usable} when active with an OK address. */
    record Holder(long memberId, String email, String firstName, String lastName, boolean usable) {
        Recipient to(Long associationId) {
            return new Recipient(memberId, associationId, email, firstName, lastName);
        }
    }
}
