package se.utskick.register;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The register's SQL for the import: load the whole state in a few set-wide queries, write the
 * differences in JDBC batches (sent as bulk commands by the driver). Every method runs on the
 * caller's connection and transaction.
 */
final class RegisterStore {
    private static final int BATCH = 5_000;
    private static final String MEMBER_COLUMNS = "id, member_number, first_name, last_name, email, email_raw, email_status,"
            + " email_status_reason, email_status_since, phone, association_id, joined_on, status, left_on";

    int district(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM district ORDER BY id LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO district (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** Associations by lower-case name. */
    Map<String, AssociationRecord> associations(Connection c) throws SQLException {
        Map<String, AssociationRecord> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, region FROM association");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AssociationRecord a = new AssociationRecord(rs.getInt(1), rs.getString(2), Region.valueOf(rs.getString(3)));
                out.put(a.name().toLowerCase(Locale.ROOT), a);
            }
        }
        return out;
    }

    int insertAssociation(Connection c, int districtId, String name, Region region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO association (district_id, name, region) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, districtId);
            ps.setString(2, name);
            ps.setString(3, region.name());
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    void updateAssociationRegion(Connection c, int id, Region region) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE association SET region = ? WHERE id = ?")) {
            ps.setString(1, region.name());
            ps.setInt(2, id);
            ps.executeUpdate();
        }
    }

    /** Every member by member number; {@code lock} takes row locks until the transaction ends. */
    Map<String, MemberRecord> members(Connection c, boolean lock) throws SQLException {
        Map<String, MemberRecord> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM member" + (lock ? " FOR UPDATE" : ""));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                MemberRecord m = member(rs);
                out.put(m.number(), m);
            }
        }
        return out;
    }

    /** Every member's roles by member id. */
    Map<Long, Set<RoleKey>> roles(Connection c) throws SQLException {
        Map<Long, Set<RoleKey>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT member_id, role, association_id, policy_area FROM member_role");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int a = rs.getInt(3);
                Integer association = rs.wasNull() ? null : a;
                out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                        .add(new RoleKey(Role.valueOf(rs.getString(2)), association, rs.getString(4)));
            }
        }
        return out;
    }

    /** The erasure hashes, hex-encoded. */
    Set<String> erasedHashes(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT number_hash FROM erased_member");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(HexFormat.of().formatHex(rs.getBytes(1)));
            }
        }
        return out;
    }

    long maxMemberId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM member");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ids of members inserted after {@code afterId}, by member number. */
    Map<String, Long> idsAfter(Connection c, long afterId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, member_number FROM member WHERE id > ?")) {
            ps.setLong(1, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return out;
    }

    void insertMembers(Connection c, List<MemberRecord> members) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email,"
                + " email_raw, email_status, email_status_reason, email_status_since, phone, association_id, joined_on,"
                + " status, left_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (MemberRecord m : members) {
                bind(ps, m, 1);
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    void updateMembers(Connection c, List<MemberRecord> members) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE member SET member_number = ?, first_name = ?, last_name = ?,"
                + " email = ?, email_raw = ?, email_status = ?, email_status_reason = ?, email_status_since = ?, phone = ?,"
                + " association_id = ?, joined_on = ?, status = ?, left_on = ?, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?")) {
            int n = 0;
            for (MemberRecord m : members) {
                bind(ps, m, 1);
                ps.setLong(14, m.id());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Replaces the roles of each member in {@code roles} (an empty set removes them all). */
    void replaceRoles(Connection c, Map<Long, Set<RoleKey>> roles) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM member_role WHERE member_id = ?")) {
            for (Long id : roles.keySet()) {
                del.setLong(1, id);
                del.addBatch();
            }
            del.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO member_role (member_id, role, association_id, policy_area) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (var e : roles.entrySet()) {
                for (RoleKey r : e.getValue()) {
                    ins.setLong(1, e.getKey());
                    ins.setString(2, r.role().name());
                    setInt(ins, 3, r.associationId());
                    ins.setString(4, r.policyArea());
                    ins.addBatch();
                    if (++n % BATCH == 0) {
                        ins.executeBatch();
                    }
                }
            }
            ins.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, MemberRecord m, int i) throws SQLException {
        ps.setString(i, m.number());
        ps.setString(i + 1, m.firstName());
        ps.setString(i + 2, m.lastName());
        setString(ps, i + 3, m.email());
        setString(ps, i + 4, m.emailRaw());
        ps.setString(i + 5, m.emailStatus().name());
        setString(ps, i + 6, m.emailReason());
        ps.setTimestamp(i + 7, Timestamp.valueOf(m.emailSince()));
        setString(ps, i + 8, m.phone());
        setInt(ps, i + 9, m.associationId());
        setDate(ps, i + 10, m.joined());
        ps.setString(i + 11, m.status().name());
        setDate(ps, i + 12, m.leftOn());
    }

    static MemberRecord member(ResultSet rs) throws SQLException {
        int assoc = rs.getInt(11);
        Integer associationId = rs.wasNull() ? null : assoc;
        Date joined = rs.getDate(12);
        Date left = rs.getDate(14);
        return new MemberRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), EmailStatus.valueOf(rs.getString(7)), rs.getString(8),
                rs.getTimestamp(9).toLocalDateTime(), rs.getString(10), associationId,
                joined == null ? null : joined.toLocalDate(), MemberStatus.valueOf(rs.getString(13)),
                left == null ? null : left.toLocalDate());
    }

    static String memberColumns() {
        return MEMBER_COLUMNS;
    }

    private static void setString(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(v));
        }
    }

    private static int generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getInt(1);
        }
    }
}
