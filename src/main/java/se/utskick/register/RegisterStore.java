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
    static final int ROWS_PER_INSERT = 500;
    private static final String MEMBER_COLUMNS = "id, member_number, first_name, last_name, email, email_raw, email_status,"
            + " email_status_reason, email_status_since, phone, association_id, joined_on, status, left_on";

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

    /** Every member by member number. */
    Map<String, MemberRecord> members(Connection c) throws SQLException {
        Map<String, MemberRecord> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MEMBER_COLUMNS + " FROM member");
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

    /**
     * Inserts in multi-row INSERT statements of {@value #ROWS_PER_INSERT} rows: one prepared statement
     * reused for every full chunk. (JDBC batches of single-row inserts are split by the driver whenever
     * a parameter switches between NULL and a value, which e-mail and phone do all the time.)
     */
    void insertMembers(Connection c, List<MemberRecord> members) throws SQLException {
        String head = "INSERT INTO member (member_number, first_name, last_name, email, email_raw, email_status,"
                + " email_status_reason, email_status_since, phone, association_id, joined_on, status, left_on) VALUES ";
        String row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int full = members.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(head + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, row)))) {
                for (int from = 0; from < full; from += ROWS_PER_INSERT) {
                    for (int k = 0; k < ROWS_PER_INSERT; k++) {
                        bind(ps, members.get(from + k), 1 + k * 13);
                    }
                    ps.executeUpdate();
                }
            }
        }
        if (full < members.size()) {
            try (PreparedStatement ps = c.prepareStatement(head + String.join(", ", java.util.Collections.nCopies(members.size() - full, row)))) {
                for (int k = full; k < members.size(); k++) {
                    bind(ps, members.get(k), 1 + (k - full) * 13);
                }
                ps.executeUpdate();
            }
        }
    }

    /** Updates members by id; the address columns only if {@code address} (see {@link ImportPlan#updates}). */
    void updateMembers(Connection c, List<MemberRecord> members, boolean address) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE member SET member_number = ?, first_name = ?, last_name = ?,"
                + " email_raw = ?, phone = ?, association_id = ?, joined_on = ?, status = ?, left_on = ?,"
                + (address ? " email = ?, email_status = ?, email_status_reason = ?, email_status_since = ?," : "")
                + " updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?")) {
            int n = 0;
            for (MemberRecord m : members) {
                ps.setString(1, m.number());
                ps.setString(2, m.firstName());
                ps.setString(3, m.lastName());
                setString(ps, 4, m.emailRaw());
                setString(ps, 5, m.phone());
                setInt(ps, 6, m.associationId());
                setDate(ps, 7, m.joined());
                ps.setString(8, m.status().name());
                setDate(ps, 9, m.leftOn());
                int i = 10;
                if (address) {
                    setString(ps, i++, m.email());
                    ps.setString(i++, m.emailStatus().name());
                    setString(ps, i++, m.emailReason());
                    ps.setTimestamp(i++, Timestamp.valueOf(m.emailSince()));
                }
                ps.setLong(i, m.id());
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
