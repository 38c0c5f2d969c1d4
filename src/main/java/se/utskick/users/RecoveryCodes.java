package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import se.utskick.Keyring;
import se.utskick.db.Bind;
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
            Bind.update(c, UserSql.RECOVERY_FORGET, userId);
            try (PreparedStatement ps = c.prepareStatement(UserSql.RECOVERY_INSERT.text())) {
                for (String code : codes) {
                    Bind.bind(ps, userId, hash(userId, code), now).addBatch();
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
            return Bind.update(c, UserSql.RECOVERY_USE, now, userId, hash(userId, code));
        }) == 1;
    }

    /** Unused codes of the account. */
    int left(long userId) {
        return db.withConnection(c -> {
            return Bind.first(c, UserSql.RECOVERY_LEFT, rs -> rs.getInt(1), userId).orElse(0);
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
