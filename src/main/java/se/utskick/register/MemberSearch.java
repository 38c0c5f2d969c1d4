package se.utskick.register;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import se.utskick.db.Database;

/**
 * The member list of the web interface: members filtered by a search term, association, region,
 * role and address state, a page at a time, with the true total of matches (one COUNT over the
 * same filter). Every value is bound; a term's LIKE wildcards are escaped. Personal data: for the
 * staff's screen, never for logs. Thread-safe.
 */
public final class MemberSearch {
    /** The most members one page holds. */
    public static final int MAX_PAGE = 200;
    private static final String FROM = " FROM member m LEFT JOIN association a ON a.id = m.association_id";

    /** The address states the filter knows: an address status, or {@code UNSUBSCRIBED} from the members' letter. */
    public static final List<String> ADDRESS_STATES = List.of("OK", "MISSING", "INVALID", "BOUNCED", "UNSUBSCRIBED");

    /**
     * What to find; null or blank = no filter on that.
     *
     * @param term          part of a name, member number or address
     * @param role          a role code ({@link Role} name)
     * @param address       one of {@link #ADDRESS_STATES}
     * @param activeOnly    only ACTIVE members (else left members too, after the active ones)
     */
    public record Filter(String term, Integer associationId, Region region, Role role, String address, boolean activeOnly) {
        public Filter {
            term = term == null ? "" : term.strip();
            address = address == null ? "" : address;
            if (!address.isEmpty() && !ADDRESS_STATES.contains(address)) {
                throw new IllegalArgumentException("unknown address state " + address);
            }
        }
    }

    /** One page of members and the total that match. */
    public record Page(List<MemberView> rows, int total, int page, int pageSize) {
        public int pages() {
            return Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    private final Database db;

    public MemberSearch(Database db) {
        this.db = db;
    }

    /** Page {@code page} (from 1) of {@code pageSize} (1-{@value #MAX_PAGE}) members, active first, then by name and number. */
    public Page search(Filter f, int page, int pageSize) {
        int size = Math.clamp(pageSize, 1, MAX_PAGE);
        int p = Math.max(1, page);
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return db.withConnection(c -> {
            int total;
            try (PreparedStatement ps = bind(c.prepareStatement("SELECT COUNT(*)" + FROM + where), params);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            List<MemberView> rows = new ArrayList<>();
            try (PreparedStatement ps = bind(c.prepareStatement("SELECT m.id, m.member_number, m.first_name, m.last_name, a.name,"
                    + " m.email_status, COALESCE(m.email, m.email_raw), m.email_status_reason, m.email_status_since, m.status"
                    + FROM + where + " ORDER BY m.status, m.last_name, m.first_name, m.member_number LIMIT " + size
                    + " OFFSET " + ((long) (p - 1) * size)), params);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new MemberView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            EmailStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toLocalDateTime(), MemberStatus.valueOf(rs.getString(10)), List.of()));
                }
            }
            return new Page(rows, total, p, size);
        });
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        if (!f.term().isEmpty()) {
            String like = "%" + f.term().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            w.append(" AND (m.member_number LIKE ? OR CONCAT(m.first_name, ' ', m.last_name) LIKE ? OR m.email LIKE ? OR m.email_raw LIKE ?)");
            params.addAll(List.of(like, like, like, like));
        }
        if (f.associationId() != null) {
            w.append(" AND m.association_id = ?");
            params.add(f.associationId());
        }
        if (f.region() != null) {
            w.append(" AND a.region = ?");
            params.add(f.region().name());
        }
        if (f.role() != null) {
            w.append(" AND EXISTS (SELECT 1 FROM member_role r WHERE r.member_id = m.id AND r.role = ?)");
            params.add(f.role().name());
        }
        if (f.address().equals("UNSUBSCRIBED")) {
            w.append(" AND m.unsubscribed_at IS NOT NULL");
        } else if (!f.address().isEmpty()) {
            w.append(" AND m.email_status = ?");
            params.add(f.address());
        }
        if (f.activeOnly()) {
            w.append(" AND m.status = 'ACTIVE'");
        }
        return w.toString();
    }

    private static PreparedStatement bind(PreparedStatement ps, List<Object> params) throws java.sql.SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
