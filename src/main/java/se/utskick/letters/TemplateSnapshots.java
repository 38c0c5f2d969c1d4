package se.utskick.letters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.utskick.db.Database;

/**
 * What a letter's rendering is fixed to beyond its own fields (tables {@code letter_template} and
 * {@code letter_automatic}, migration V16): the template sources it was approved with, and whether
 * it is an automatic message. Thread-safe.
 */
final class TemplateSnapshots {
    private final Database db;

    TemplateSnapshots(Database db) {
        this.db = db;
    }

    /** Replaces the letter's stored template sources with {@code sources} (name → source), in one transaction. */
    void save(long letterId, Map<String, String> sources) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM letter_template WHERE letter_id = ?")) {
                del.setLong(1, letterId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO letter_template (letter_id, name, sha256, source) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> e : sources.entrySet()) {
                    ins.setLong(1, letterId);
                    ins.setString(2, e.getKey());
                    ins.setString(3, sha256(e.getValue()));
                    ins.setString(4, e.getValue());
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** The sources the letter was approved with (name → source); empty if it never was (or was approved before V16). */
    Optional<Map<String, String>> load(long letterId) {
        Map<String, String> sources = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, source FROM letter_template WHERE letter_id = ? ORDER BY name")) {
                ps.setLong(1, letterId);
                Map<String, String> m = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getString(2));
                    }
                }
                return m;
            }
        });
        return sources.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(sources));
    }

    /** Marks the letter as an automatic message: it goes out with {@code Auto-Submitted: auto-generated}. */
    void markAutomatic(long letterId) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO letter_automatic (letter_id) VALUES (?)")) {
                ps.setLong(1, letterId);
                return ps.executeUpdate();
            }
        });
    }

    boolean automatic(long letterId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM letter_automatic WHERE letter_id = ?")) {
                ps.setLong(1, letterId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    static String sha256(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
