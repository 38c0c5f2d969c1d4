package se.utskick.replies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import se.utskick.db.Database;

/**
 * The register interfaces of this package implemented with plain SQL on the V1 {@code member}
 * table, standing in for {@code register.Register} in tests; plus a few rows to seed.
 */
final class SqlRegister implements AddressStatus, Subscriptions, MemberLookup {
    private final Database db;

    SqlRegister(Database db) {
        this.db = db;
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
    public boolean markBounced(long memberId, String expectedEmail, String reason) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE member SET email_status = 'BOUNCED',"
                    + " email_status_reason = ?, email_status_since = NOW(3) WHERE id = ? AND email = ?")) {
                ps.setString(1, reason);
                ps.setLong(2, memberId);
                ps.setString(3, expectedEmail);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void unsubscribe(long memberId) {
        update("UPDATE member SET unsubscribed_at = COALESCE(unsubscribed_at, NOW(3)) WHERE id = ?", memberId);
    }

    @Override
    public void resubscribe(long memberId) {
        update("UPDATE member SET unsubscribed_at = NULL WHERE id = ?", memberId);
    }

    @Override
    public Optional<Long> byEmail(String normalisedEmail) {
        return Optional.ofNullable(string("SELECT id FROM member WHERE email = ?", normalisedEmail)).map(Long::valueOf);
    }

    @Override
    public Optional<Long> byNumber(String memberNumber) {
        return Optional.ofNullable(string("SELECT id FROM member WHERE member_number = ?", memberNumber)).map(Long::valueOf);
    }

    private void update(String sql, long id) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
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
