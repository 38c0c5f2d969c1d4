package se.utskick.letters;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.utskick.db.Database;

/**
 * The SQL of table {@code letter_rendering}: a letter's per-association renderings (HTML and text with
 * slot markers) as approved, so that sending and every later view compose the same message. Saving
 * replaces the letter's rows in one transaction. Thread-safe.
 */
final class Renderings {
    private final Database db;

    Renderings(Database db) {
        this.db = db;
    }

    /** Replaces the letter's renderings: association id (-1 none) → {html, text}. */
    void save(long letterId, Map<Long, String[]> parts) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM letter_rendering WHERE letter_id = ?")) {
                del.setLong(1, letterId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO letter_rendering (letter_id, association_id, html, text) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<Long, String[]> e : parts.entrySet()) {
                    ins.setLong(1, letterId);
                    ins.setLong(2, e.getKey());
                    ins.setString(3, e.getValue()[0]);
                    ins.setString(4, e.getValue()[1]);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** The letter's stored renderings, or empty for a draft or a letter approved before they were stored. */
    Optional<Map<Long, String[]>> load(long letterId) {
        return db.withConnection(c -> {
            Map<Long, String[]> parts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT association_id, html, text FROM letter_rendering WHERE letter_id = ?")) {
                ps.setLong(1, letterId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return parts.isEmpty() ? Optional.<Map<Long, String[]>>empty() : Optional.of(parts);
        });
    }
}
