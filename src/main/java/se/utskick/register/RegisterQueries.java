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
import se.utskick.db.Bind;

/** The register's read-side SQL (named queries in {@code sql/register.sql}): summary counts, member lists, the rows of an export. */
final class RegisterQueries {

    RegisterSummary summary(Connection c) throws SQLException {
        Map<Region, Integer> regions = new EnumMap<>(Region.class);
        int associations = 0;
        for (String[] row : rows(c, RegisterSql.SUMMARY_REGIONS)) {
            regions.put(Region.valueOf(row[0]), Integer.parseInt(row[1]));
            associations += Integer.parseInt(row[1]);
        }
        int active = 0;
        int left = 0;
        Map<EmailStatus, Integer> emails = new EnumMap<>(EmailStatus.class);
        for (EmailStatus s : EmailStatus.values()) {
            emails.put(s, 0);
        }
        for (String[] row : rows(c, RegisterSql.SUMMARY_MEMBERS)) {
            int n = Integer.parseInt(row[2]);
            if (row[0].equals(MemberStatus.ACTIVE.name())) {
                active += n;
                emails.put(EmailStatus.valueOf(row[1]), n);
            } else {
                left += n;
            }
        }
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        for (String[] row : rows(c, RegisterSql.SUMMARY_ROLES)) {
            roles.put(Role.valueOf(row[0]), Integer.parseInt(row[1]));
        }
        int unsubscribed = Integer.parseInt(rows(c, RegisterSql.SUMMARY_UNSUBSCRIBED).get(0)[0]);
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
        Map<Long, List<RoleAssignment>> roles = roles(c);
        List<MemberView> out = new ArrayList<>();
        Integer assoc = associationId.orElse(null);
        try (PreparedStatement ps = c.prepareStatement(RegisterSql.MEMBERS.text())) {
            try (ResultSet rs = Bind.bind(ps, assoc, assoc, activeOnly, unusable).executeQuery()) {
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
        for (String[] r : rows(c, RegisterSql.ADDRESS_PROBLEMS)) {
            out.add(new AddressProblems(Integer.parseInt(r[0]), r[1], Integer.parseInt(r[2]), Integer.parseInt(r[3]),
                    Integer.parseInt(r[4]), Integer.parseInt(r[5])));
        }
        return out;
    }

    /** Each export line: the configured columns, in {@link Column} order, for ACTIVE members. */
    List<String[]> exportRows(Connection c) throws SQLException {
        Map<Long, List<RoleAssignment>> roles = roles(c);
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RegisterSql.EXPORT_ROWS.text());
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
        try (PreparedStatement ps = c.prepareStatement(RegisterSql.MEMBER_ROLES.text());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new RoleAssignment(Role.valueOf(rs.getString(2)), rs.getString(3)));
            }
        }
        return out;
    }

    private static List<String[]> rows(Connection c, se.utskick.db.Sql sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.text()); ResultSet rs = ps.executeQuery()) {
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
