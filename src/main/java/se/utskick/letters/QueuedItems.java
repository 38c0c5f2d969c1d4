package se.utskick.letters;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import se.utskick.db.Database;

/**
 * The SQL of the item queue (table queued_item) and of the scheduled letters' due list. Moving
 * queued items into a draft is one transaction that also marks them taken, so two nodes assembling
 * at once cannot both add an item, and a crash adds it whole or not at all. Thread-safe.
 */
final class QueuedItems {
    private final Database db;

    QueuedItems(Database db) {
        this.db = db;
    }

    long queue(LetterKind kind, YearMonth period, String heading, String body) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queued_item (kind, period, heading, body) VALUES (?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind.name());
                ps.setString(2, period.toString());
                ps.setString(3, heading);
                ps.setString(4, body);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Appends the waiting items of the letter's kind and period to the draft, oldest first; returns how many. */
    int moveInto(Letter draft) {
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement lock = c.prepareStatement("SELECT id FROM letter WHERE id = ? AND state = 'DRAFT' FOR UPDATE")) {
                lock.setLong(1, draft.id());
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        return 0;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM queued_item WHERE kind = ? AND period = ? "
                    + "AND letter_id IS NULL ORDER BY id FOR UPDATE")) {
                s.setString(1, draft.kind().name());
                s.setString(2, draft.period().toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            for (long id : ids) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO letter_item (letter_id, position, heading, body) "
                        + "SELECT ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM letter_item WHERE letter_id = ?), heading, body "
                        + "FROM queued_item WHERE id = ?");
                     PreparedStatement mark = c.prepareStatement("UPDATE queued_item SET letter_id = ? WHERE id = ?")) {
                    ins.setLong(1, draft.id());
                    ins.setLong(2, draft.id());
                    ins.setLong(3, id);
                    ins.executeUpdate();
                    mark.setLong(1, draft.id());
                    mark.setLong(2, id);
                    mark.executeUpdate();
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement bump = c.prepareStatement("UPDATE letter SET version = version + 1, "
                        + "updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?")) {
                    bump.setLong(1, draft.id());
                    bump.executeUpdate();
                }
            }
            return ids.size();
        });
    }

    /** SCHEDULED letters whose send time is {@code now} or earlier, oldest first. */
    List<Long> dueScheduled(Instant now) {
        return db.withConnection(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM letter WHERE state = 'SCHEDULED' AND scheduled_at <= ? ORDER BY scheduled_at, id")) {
                s.setTimestamp(1, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return ids;
        });
    }
}
