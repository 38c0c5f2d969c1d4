package se.utskick.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.utskick.UtskickException;

/** The register's read-side SQL: summary counts, member lists, the rows of an export. */
final class RegisterQueries {

    RegisterSummary summary(Connection c) throws SQLException {
        Map<Region, Integer> regions = new EnumMap<>(Region.class);
        int associations = 0;
        for (String[] row : rows(c, "SELECT region, COUNT(*) FROM association GROUP BY region")) {
            regions.put(Region.valueOf(row[0]), Integer.parseInt(row[1]));
            associations += Integer.parseInt(row[1]);
        }
        int active = 0;
        int left = 0;
        Map<EmailStatus, Integer> emails = new EnumMap<>(EmailStatus.class);
        for (EmailStatus s : EmailStatus.values()) {
            emails.put(s, 0);
        }
        for (String[] row : rows(c, "SELECT status, email_status, COUNT(*) FROM member GROUP BY status, email_status")) {
            int n = Integer.parseInt(row[2]);
            if (row[0].equals(MemberStatus.ACTIVE.name())) {
                active += n;
                emails.put(EmailStatus.valueOf(row[1]), n);
            } else {
                left += n;
            }
        }
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        for (String[] row : rows(c, "SELECT r.role, COUNT(DISTINCT r.member_id) FROM member_role r"
                + " JOIN member m ON m.id = r.member_id WHERE m.status = 'ACTIVE' GROUP BY r.role")) {
            roles.put(Role.valueOf(row[0]), Integer.parseInt(row[1]));
        }
        int unsubscribed = Integer.parseInt(rows(c, "SELECT COUNT(*) FROM member WHERE status = 'ACTIVE'"
                + " AND unsubscribed_at IS NOT NULL").get(0)[0]);
        return new RegisterSummary(associations, regions, active, left, emails, roles, unsubscribed);
    }

    /** The id of the association named {@code name} (any case), or an error listing the known names. */
    int associationId(Connection c, String name) throws SQLException {
        Map<Long, String> names = AssociationNames.read(c);
        String wanted = name.strip().toLowerCase(java.util.Locale.ROOT);
        return names.entrySet().stream().filter(e -> e.getValue().toLowerCase(java.util.Locale.ROOT).equals(wanted))
                .map(e -> e.getKey().intValue()).findFirst()
                .orElseThrow(() -> new UtskickException("no association is named '" + name + "'; the register has: "
                        + String.join(", ", names.values())));
    }

    /**
     * Members in name order, with their roles.
     *
     * @param associationId only this association's, if given
     * @param activeOnly    leave out LEFT members
     * @param unusable      only members whose address is not usable ({@link AddressRule})
     */
    List<MemberView> members(Connection c, Optional<Integer> associationId, boolean activeOnly, boolean unusable) throws SQLException {
        String sql = "SELECT m.id, m.member_number, m.first_name, m.last_name, a.name, m.email_status,"
                + " COALESCE(m.email, m.email_raw), m.email_status_reason, m.email_status_since, m.status"
                + " FROM member m LEFT JOIN association a ON a.id = m.association_id WHERE 1 = 1"
                + (associationId.isPresent() ? " AND m.association_id = ?" : "")
                + (activeOnly ? " AND m.status = 'ACTIVE'" : "")
                + (unusable ? " AND NOT (" + AddressRule.usableAddress("m") + ")" : "")
                + " ORDER BY a.name, m.last_name, m.first_name, m.member_number";
        Map<Long, List<RoleAssignment>> roles = roles(c);
        List<MemberView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (associationId.isPresent()) {
                ps.setInt(1, associationId.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    out.add(new MemberView(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            EmailStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toLocalDateTime(), MemberStatus.valueOf(rs.getString(10)),
                            roles.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    /** Per association (name order): active members and those whose address is MISSING, INVALID, BOUNCED. */
    List<AddressProblems> addressProblems(Connection c) throws SQLException {
        List<AddressProblems> out = new ArrayList<>();
        for (String[] r : rows(c, "SELECT a.id, a.name, COUNT(m.id), COALESCE(SUM(m.email_status = 'MISSING'), 0),"
                + " COALESCE(SUM(m.email_status = 'INVALID'), 0), COALESCE(SUM(m.email_status = 'BOUNCED'), 0)"
                + " FROM association a LEFT JOIN member m ON m.association_id = a.id AND m.status = 'ACTIVE'"
                + " GROUP BY a.id, a.name ORDER BY a.name")) {
            out.add(new AddressProblems(Integer.parseInt(r[0]), r[1], Integer.parseInt(r[2]), Integer.parseInt(r[3]),
                    Integer.parseInt(r[4]), Integer.parseInt(r[5])));
        }
        return out;
    }

    /** Each export line: the configured columns, in {@link Column} order, for ACTIVE members. */
    List<String[]> exportRows(Connection c) throws SQLException {
        Map<Long, List<RoleAssignment>> roles = roles(c);
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.id, m.member_number, m.first_name, m.last_name, m.email_raw,"
                + " m.phone, a.name, a.region, m.joined_on FROM member m LEFT JOIN association a ON a.id = m.association_id"
                + " WHERE m.status = 'ACTIVE' ORDER BY m.member_number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String region = rs.getString(8);
                java.sql.Date joined = rs.getDate(9);
                out.add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), region == null ? null : Region.valueOf(region).label(),
                        joined == null ? null : joined.toLocalDate().toString(),
                        RoleAssignment.formatColumn(roles.getOrDefault(rs.getLong(1), List.of()))});
            }
        }
        return out;
    }

    private Map<Long, List<RoleAssignment>> roles(Connection c) throws SQLException {
        Map<Long, List<RoleAssignment>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT member_id, role, policy_area FROM member_role ORDER BY role, policy_area");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new RoleAssignment(Role.valueOf(rs.getString(2)), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<String[]> rows(Connection c, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
