package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.utskick.Keyring;
import se.utskick.db.Database;

/**
 * Recovery codes of the second factor ({@code user_recovery_code}): {@value #COUNT} per account,
 * each 10 characters of a 32-letter alphabet (50 random bits) shown as {@code xxxxx-xxxxx}, stored
 * only as HMAC-SHA-256 under the deployment's secret, each usable once. Made anew (replacing the old
 * ones) when the second factor is reset or the staff member asks for new ones. Thread-safe.
 */
final class RecoveryCodes {
    static final int COUNT = 10;
    static final String PURPOSE = "recovery-code";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;
    private final Keyring keyring;

    RecoveryCodes(Database db, Keyring keyring) {
        this.db = db;
        this.keyring = keyring;
    }

    /** Replaces the account's codes with {@value #COUNT} new ones; returns them (the only time they are seen). */
    List<String> renew(long userId, Instant now) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(b.substring(0, 5) + "-" + b.substring(5));
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_recovery_code WHERE user_id = ?")) {
                ps.setLong(1, userId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO user_recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)")) {
                for (String code : codes) {
                    ps.setLong(1, userId);
                    ps.setBytes(2, hash(userId, code));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        return codes;
    }

    /** True if {@code typed} is an unused code of the account; it is then used up (one conditional UPDATE, so it works once). */
    boolean use(long userId, String typed, Instant now) {
        String code = normal(typed);
        if (code == null) {
            return false;
        }
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE user_recovery_code SET used_at = ?"
                    + " WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, userId);
                ps.setBytes(3, hash(userId, code));
                return ps.executeUpdate();
            }
        }) == 1;
    }

    /** Unused codes of the account. */
    int left(long userId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM user_recovery_code WHERE user_id = ? AND used_at IS NULL")) {
                ps.setLong(1, userId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** True if {@code typed} has the form of a recovery code (spaces, dashes and case forgiven). */
    static boolean looksLikeOne(String typed) {
        return normal(typed) != null;
    }

    /** The code as stored: {@code xxxxx-xxxxx} in lower case, or null if it is not of that form. */
    static String normal(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String t = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (t.length() != 10 || !t.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return null;
        }
        return t.substring(0, 5) + "-" + t.substring(5);
    }

    private byte[] hash(long userId, String code) {
        return keyring.mac(PURPOSE, (userId + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
