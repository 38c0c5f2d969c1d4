package se.utskick.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The register's SQL for the import apart from the member rows ({@link MemberTable}): district,
 * associations, roles, erasure hashes. Loads whole tables in one query each, writes in JDBC batches
 * (sent as bulk commands by the driver). Every method runs on the caller's connection and transaction.
 */
final class RegisterStore {
    private static final int BATCH = 5_000;

    /** Creates the district row if there is none (the register holds one district). */
    void ensureDistrict(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO district (name) SELECT ? FROM DUAL"
                + " WHERE NOT EXISTS (SELECT 1 FROM district)")) {
            ps.setString(1, name);
            ps.executeUpdate();
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

    /**
     * The district row, locked until the transaction ends: this is the import lock (it holds across
     * nodes, and until the commit, so the next import sees this one's result).
     */
    int lockDistrict(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM district ORDER BY id LIMIT 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The roles of the members {@code ids}, by member id (one query; the caller keeps the list short). */
    Map<Long, Set<RoleKey>> roles(Connection c, java.util.Collection<Long> ids) throws SQLException {
        Map<Long, Set<RoleKey>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT member_id, role, association_id, policy_area FROM member_role"
                + " WHERE member_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
            int i = 1;
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int a = rs.getInt(3);
                    Integer association = rs.wasNull() ? null : a;
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                            .add(new RoleKey(Role.valueOf(rs.getString(2)), association, rs.getString(4)));
                }
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
                    MemberTable.setInt(ins, 3, r.associationId());
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

    private static int generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getInt(1);
        }
    }
}
