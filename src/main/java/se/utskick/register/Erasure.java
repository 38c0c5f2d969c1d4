package se.utskick.register;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.Keyring;
import se.utskick.UtskickException;
import se.utskick.db.Database;

/**
 * GDPR erasure of one member, in one transaction: every registered {@link ErasureStep} first (the
 * features that hold data about the member anonymise their part), then the files recorded as naming
 * the member ({@link MemberFiles}: previews), then the member's roles, any
 * association contact address that was theirs, and the member row; last the tombstone, a keyed
 * hash of the member number, which makes later imports skip the person. Thread-safe.
 */
final class Erasure {
    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final Database db;
    private final Keyring keyring;
    private final java.time.Clock clock;
    private final List<ErasureStep> steps = new CopyOnWriteArrayList<>();

    Erasure(Database db, Keyring keyring, java.time.Clock clock) {
        this.db = db;
        this.keyring = keyring;
        this.clock = clock;
    }

    void add(ErasureStep step) {
        steps.add(step);
    }

    byte[] hash(String memberNumber) {
        return keyring.mac(Register.ERASURE_PURPOSE, memberNumber.strip().getBytes(StandardCharsets.UTF_8));
    }

    void erase(String memberNumber) {
        byte[] hash = hash(memberNumber);
        db.inTransaction(c -> {
            long id = memberId(c, memberNumber, hash);
            for (ErasureStep step : steps) {
                step.erase(c, id);
            }
            MemberFiles.erase(c, id);
            update(c, "UPDATE association SET contact_email = NULL WHERE contact_email IN"
                    + " (SELECT email FROM member WHERE id = ? UNION SELECT email_raw FROM member WHERE id = ?)", id, id);
            update(c, "DELETE FROM member_role WHERE member_id = ?", id);
            update(c, "DELETE FROM member WHERE id = ?", id);
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO erased_member (number_hash, erased_at) VALUES (?, ?)")) {
                ps.setBytes(1, hash);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
        log.info("register: erased one member ({} erasure steps ran)", steps.size());
    }

    private long memberId(Connection c, String memberNumber, byte[] hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM member WHERE member_number = ? FOR UPDATE")) {
            ps.setString(1, memberNumber.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM erased_member WHERE number_hash = ?")) {
            ps.setBytes(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                throw new UtskickException(rs.next() ? "that member number was already erased; nothing to do"
                        : "no member has that member number; check it with: register members --association NAME");
            }
        }
    }

    private static void update(Connection c, String sql, long... ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                ps.setLong(i + 1, ids[i]);
            }
            ps.executeUpdate();
        }
    }
}
