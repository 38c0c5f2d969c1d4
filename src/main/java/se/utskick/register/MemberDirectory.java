package se.utskick.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.utskick.db.Database;

/**
 * The register as the staff look things up in it: member search, one member, one association with
 * its role holders. Read-only; every query binds its input (a search term is a LIKE parameter with
 * its wildcards escaped) and returns at most {@link #MAX_ROWS} members. Thread-safe.
 */
public final class MemberDirectory {
    /** The most members one search returns. */
    public static final int MAX_ROWS = 100;
    private static final String COLUMNS = "SELECT m.id, m.member_number, m.first_name, m.last_name, a.name, m.email_status,"
            + " COALESCE(m.email, m.email_raw), m.email_status_reason, m.email_status_since, m.status, m.association_id,"
            + " m.unsubscribed_at FROM member m LEFT JOIN association a ON a.id = m.association_id";

    private final Database db;

    MemberDirectory(Database db) {
        this.db = db;
    }

    /**
     * Members whose name, member number or address contains {@code query} (any case), of one
     * association if {@code associationId} is given; a blank query with an association lists its
     * members; a blank query without one finds nobody. Active members first, then by name.
     */
    public List<MemberView> search(String query, Integer associationId) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() && associationId == null) {
            return List.of();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String sql = COLUMNS + " WHERE (? IS NULL OR m.association_id = ?) AND (? = '' OR m.member_number LIKE ?"
                + " OR CONCAT(m.first_name, ' ', m.last_name) LIKE ? OR m.email LIKE ? OR m.email_raw LIKE ?)"
                + " ORDER BY m.status, m.last_name, m.first_name, m.member_number LIMIT " + MAX_ROWS;
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, associationId);
                ps.setObject(2, associationId);
                ps.setString(3, q);
                for (int i = 4; i <= 7; i++) {
                    ps.setString(i, like);
                }
                return cards(c, ps).stream().map(MemberCard::member).toList();
            }
        });
    }

    /** The member with this id, in any state. */
    public Optional<MemberCard> member(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE m.id = ?")) {
                ps.setLong(1, id);
                return cards(c, ps).stream().findFirst();
            }
        });
    }

    /** The association with this id, with its role holders and address problems. */
    public Optional<AssociationCard> association(int id) {
        return db.withConnection(c -> {
            String name = null;
            Region region = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, region FROM association WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    name = rs.getString(1);
                    region = Region.valueOf(rs.getString(2));
                }
            }
            List<MemberView> holders;
            try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE m.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM member_role r"
                    + " WHERE r.member_id = m.id AND (r.association_id = ? OR m.association_id = ?))")) {
                ps.setInt(1, id);
                ps.setInt(2, id);
                holders = new ArrayList<>(cards(c, ps).stream().map(MemberCard::member).toList());
            }
            holders.sort(Comparator.comparing((MemberView m) -> m.roles().getFirst().role())
                    .thenComparing(MemberView::lastName).thenComparing(MemberView::firstName));
            AddressProblems problems = new RegisterQueries().addressProblems(c).stream().filter(p -> p.associationId() == id)
                    .findFirst().orElse(new AddressProblems(id, name, 0, 0, 0, 0));
            return Optional.of(new AssociationCard(id, name, region, holders, problems));
        });
    }

    private static List<MemberCard> cards(Connection c, PreparedStatement ps) throws SQLException {
        List<MemberCard> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int assoc = rs.getInt(11);
                Integer associationId = rs.wasNull() ? null : assoc;
                Timestamp unsubscribed = rs.getTimestamp(12);
                rows.add(new MemberCard(new MemberView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        EmailStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toLocalDateTime(),
                        MemberStatus.valueOf(rs.getString(10)), List.of()), associationId,
                        unsubscribed == null ? null : unsubscribed.toLocalDateTime()));
            }
        }
        Map<Long, List<RoleAssignment>> roles = roles(c, rows.stream().map(r -> r.member().id()).toList());
        return rows.stream().map(r -> new MemberCard(withRoles(r.member(), roles.getOrDefault(r.member().id(), List.of())),
                r.associationId(), r.unsubscribedAt())).toList();
    }

    private static MemberView withRoles(MemberView m, List<RoleAssignment> roles) {
        return new MemberView(m.id(), m.number(), m.firstName(), m.lastName(), m.association(), m.emailStatus(), m.email(),
                m.emailReason(), m.emailSince(), m.status(), roles);
    }

    private static Map<Long, List<RoleAssignment>> roles(Connection c, List<Long> ids) throws SQLException {
        Map<Long, List<RoleAssignment>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("SELECT member_id, role, policy_area FROM member_role WHERE member_id IN ("
                + marks + ") ORDER BY role, policy_area")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new RoleAssignment(Role.valueOf(rs.getString(2)), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
