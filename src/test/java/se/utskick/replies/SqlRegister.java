package se.utskick.replies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import se.utskick.Config;
import se.utskick.Keyring;
import se.utskick.db.Database;
import se.utskick.register.EmailStatus;
import se.utskick.register.Register;
import se.utskick.register.RegisterConfig;

/**
 * The register interfaces of this package adapted to the real {@code register.Register} as the
 * composition root adapts them, plus plain-SQL seeding of associations and members (the register
 * only imports whole CSV exports) and read-backs for assertions.
 */
final class SqlRegister implements AddressStatus, Subscriptions, MemberLookup {
    private final Database db;
    final Register register;

    SqlRegister(Database db) {
        this.db = db;
        this.register = new Register(db, RegisterConfig.defaults(),
                Keyring.from(Config.of(Map.of("security.secret", "test-secret-for-the-replies-tests-000000"))));
    }

    long association(String name) {
        return db.inTransaction(c -> {
            exec(c, "INSERT IGNORE INTO district (id, name) VALUES (1, 'Testdistriktet')");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO association (district_id, name, region) VALUES (1, ?, 'NORTH')", PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.executeUpdate();
                return key(ps);
            }
        });
    }

    long member(String number, String email, Long associationId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email,"
                    + " email_raw, email_status, email_status_since, association_id) VALUES (?, 'Test', 'Testsson', ?, ?, 'OK',"
                    + " NOW(3), ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, number);
                ps.setString(2, email);
                ps.setString(3, email);
                ps.setObject(4, associationId);
                ps.executeUpdate();
                return key(ps);
            }
        });
    }

    String emailStatus(long memberId) {
        return string("SELECT email_status FROM member WHERE id = ?", memberId);
    }

    String emailStatusReason(long memberId) {
        return string("SELECT email_status_reason FROM member WHERE id = ?", memberId);
    }

    boolean unsubscribed(long memberId) {
        return string("SELECT unsubscribed_at FROM member WHERE id = ?", memberId) != null;
    }

    @Override
    public boolean markBounced(long deliveryId, long memberId, String expectedEmail, String reason) {
        return register.markAddress(memberId, expectedEmail, EmailStatus.BOUNCED, reason);
    }

    @Override
    public void unsubscribe(long memberId) {
        register.setUnsubscribed(memberId, true);
    }

    @Override
    public void resubscribe(long memberId) {
        register.setUnsubscribed(memberId, false);
    }

    @Override
    public Optional<Long> byEmail(String normalisedEmail) {
        return register.memberIdByEmail(normalisedEmail);
    }

    /** The register has no lookup by number yet: plain SQL until it does. */
    @Override
    public Optional<Long> byNumber(String memberNumber) {
        return Optional.ofNullable(string("SELECT id FROM member WHERE member_number = ?", memberNumber)).map(Long::valueOf);
    }

    private String string(String sql, Object param) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
