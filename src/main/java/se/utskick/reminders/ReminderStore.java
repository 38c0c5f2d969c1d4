package se.utskick.reminders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.utskick.db.Database;
import se.utskick.delivery.RecipientSource;

/**
 * The SQL of reminders: what the register says needs fixing and who can be told (read from the
 * register's tables), which reminder letters exist (table {@code reminder}, whose unique keys make
 * each reminder once per month or per board letter), and the recipients decided for a letter until
 * it is frozen into the outbox (table {@code reminder_recipient}, emptied once frozen). Thread-safe.
 */
final class ReminderStore {
    /** An active member whose address cannot be used: what the officer must fix. */
    static final String NEEDS_FIXING = "m.status = 'ACTIVE' AND m.email_status IN ('MISSING', 'INVALID', 'BOUNCED')";
    private static final String USABLE = "m.status = 'ACTIVE' AND m.email_status = 'OK'";
    private final Database db;

    ReminderStore(Database db) {
        this.db = db;
    }

    /** Association id → how many of its members need fixing; only associations with any. */
    Map<Long, Integer> problemCounts() {
        return db.withConnection(c -> {
            Map<Long, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.association_id, COUNT(*) FROM member m WHERE " + NEEDS_FIXING
                    + " AND m.association_id IS NOT NULL GROUP BY m.association_id ORDER BY m.association_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** The members of one association that need fixing, by name. */
    List<Problem> problems(long associationId) {
        return db.withConnection(c -> {
            List<Problem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.first_name, m.last_name, m.member_number, "
                    + "COALESCE(m.email_raw, m.email), m.email_status, m.email_status_reason FROM member m WHERE " + NEEDS_FIXING
                    + " AND m.association_id = ? ORDER BY m.last_name, m.first_name, m.member_number")) {
                ps.setLong(1, associationId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Problem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    /** The holders of {@code role} in an association (or district-wide when null), lowest member id first. */
    List<Holder> holders(String role, Long associationId) {
        return db.withConnection(c -> {
            List<Holder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.id, m.email, m.first_name, m.last_name, (" + USABLE
                    + ") FROM member_role r JOIN member m ON m.id = r.member_id WHERE r.role = ? AND m.status = 'ACTIVE' AND "
                    + (associationId == null ? "1 = 1" : "r.association_id = ?") + " ORDER BY m.id")) {
                ps.setString(1, role);
                if (associationId != null) {
                    ps.setLong(2, associationId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Holder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                    }
                }
            }
            return out;
        });
    }

    Map<Long, String> associationNames() {
        return db.withConnection(c -> {
            Map<Long, String> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM association"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** The reminder letter of this purpose for a month ({@code period}) or for a board letter ({@code about}). */
    Optional<Long> letterFor(Purpose purpose, String period, Long about) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT letter_id FROM reminder WHERE purpose = ? AND "
                    + (period != null ? "period = ?" : "about_letter_id = ?"))) {
                ps.setString(1, purpose.name());
                ps.setObject(2, period != null ? period : about);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Records the letter as this reminder; false if another letter already is (a race lost). */
    boolean record(long letterId, Purpose purpose, String period, Long about) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reminder (letter_id, purpose, period, about_letter_id) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, letterId);
                ps.setString(2, purpose.name());
                ps.setString(3, period);
                ps.setObject(4, about);
                ps.executeUpdate();
                return true;
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                return false;
            }
        });
    }

    Optional<Purpose> purposeOf(long letterId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT purpose FROM reminder WHERE letter_id = ?")) {
                ps.setLong(1, letterId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Purpose.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Replaces the letter's recipients, in one transaction. */
    void replaceRecipients(long letterId, List<Recipient> recipients) {
        db.inTransaction(c -> {
            forget(c, letterId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_recipient "
                    + "(letter_id, member_id, association_id, email, first_name, last_name) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Recipient r : recipients) {
                    ps.setLong(1, letterId);
                    ps.setObject(2, r.memberId());
                    ps.setObject(3, r.associationId());
                    ps.setString(4, r.email());
                    ps.setString(5, r.firstName());
                    ps.setString(6, r.lastName());
                    ps.addBatch();
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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_recipient "
                    + "(letter_id, member_id, association_id, email, first_name, last_name, in_reply_to) "
                    + "SELECT ?, m.id, d.association_id, m.email, m.first_name, m.last_name, d.message_id "
                    + "FROM delivery d JOIN member m ON m.id = d.member_id WHERE d.letter_id = ? AND d.state = 'SENT' "
                    + "AND d.message_id IS NOT NULL AND d.association_id IN (" + in + ") AND " + USABLE)) {
                ps.setLong(1, letterId);
                ps.setLong(2, boardLetterId);
                return ps.executeUpdate();
            }
        });
    }

    /** Once the letter is frozen its recipients live in the delivery log: nothing personal is kept here. */
    void forget(long letterId) {
        db.withConnection(c -> forget(c, letterId));
    }

    private static int forget(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM reminder_recipient WHERE letter_id = ?")) {
            ps.setLong(1, letterId);
            return ps.executeUpdate();
        }
    }

    /** Delivery's recipient query of a reminder letter: the six columns, threaded. */
    RecipientSource.Query recipientsOf(long letterId) {
        return new RecipientSource.Query("SELECT member_id, email, first_name, last_name, association_id, in_reply_to "
                + "FROM reminder_recipient WHERE letter_id = ?", List.of(letterId), true);
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
