package se.utskick.letters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import se.utskick.db.Bind;
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
            Bind.update(c, LetterSql.TEMPLATES_FORGET, letterId);
            try (PreparedStatement ins = c.prepareStatement(LetterSql.TEMPLATE_INSERT.text())) {
                for (Map.Entry<String, String> e : sources.entrySet()) {
                    Bind.bind(ins, letterId, e.getKey(), sha256(e.getValue()), e.getValue()).addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /** The sources the letter was approved with (name → source); empty if it never was (or was approved before V16). */
    Optional<Map<String, String>> load(long letterId) {
        Map<String, String> sources = db.withConnection(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (var e : Bind.list(c, LetterSql.TEMPLATES, rs -> Map.entry(rs.getString(1), rs.getString(2)), letterId)) {
                m.put(e.getKey(), e.getValue());
            }
            return m;
        });
        return sources.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(sources));
    }

    /** Marks the letter as an automatic message: it goes out with {@code Auto-Submitted: auto-generated}. */
    void markAutomatic(long letterId) {
        db.withConnection(c -> {
            return Bind.update(c, LetterSql.MARK_AUTOMATIC, letterId);
        });
    }

    boolean automatic(long letterId) {
        return db.withConnection(c -> {
            return Bind.first(c, LetterSql.AUTOMATIC, rs -> true, letterId).isPresent();
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
