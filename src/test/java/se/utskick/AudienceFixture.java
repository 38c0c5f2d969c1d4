package se.utskick;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import se.utskick.db.Database;

/**
 * A small test register written with plain SQL into the V1 tables: a district, associations in both
 * regions, members with every address status, left members, unsubscribers and people with several
 * roles. Deterministic for a seed.
 */
public final class AudienceFixture {
    public static final String[] ASSOCIATIONS = {"Karlstad", "Arvika", "Torsby", "Kristinehamn", "Säffle", "Hagfors", "Sunne", "Åmål"};
    private static final String[] REGIONS = {"SOUTH", "NORTH", "NORTH", "SOUTH", "SOUTH", "NORTH", "NORTH", "SOUTH"};
    private static final String[] FIRST = {"Åsa", "Örjan", "Märta", "Björn", "Ella", "Göran", "Ida", "Sören", "Lena", "Kalle"};
    private static final String[] LAST = {"Ström", "Ängström", "Nilsson", "Öberg", "Lind", "Sjöberg", "Karlsson", "Åkesson"};

    private AudienceFixture() {
    }

    /** {@code members} members over {@link #ASSOCIATIONS}, with roles. Returns nothing: tests count with their own SQL. */
    public static void generate(Database db, int members, long seed) {
        db.inTransaction(c -> {
            int district = district(c);
            for (int i = 0; i < ASSOCIATIONS.length; i++) {
                exec(c, "INSERT INTO association (district_id, name, region) VALUES (" + district + ", '" + ASSOCIATIONS[i] + "', '" + REGIONS[i] + "')");
            }
            Random r = new Random(seed);
            try (PreparedStatement m = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, email_raw, "
                    + "email_status, email_status_since, association_id, status, unsubscribed_at) VALUES (?, ?, ?, ?, ?, ?, NOW(3), ?, ?, ?)")) {
                for (int i = 1; i <= members; i++) {
                    int roll = r.nextInt(100);
                    String status = roll < 4 ? "MISSING" : roll < 6 ? "INVALID" : roll < 8 ? "BOUNCED" : "OK";
                    String email = status.equals("OK") || status.equals("BOUNCED") ? "m" + i + "@example.org" : null;
                    m.setString(1, "M" + i);
                    m.setString(2, FIRST[r.nextInt(FIRST.length)]);
                    m.setString(3, LAST[r.nextInt(LAST.length)]);
                    m.setString(4, email);
                    m.setString(5, status.equals("MISSING") ? null : status.equals("INVALID") ? "m" + i + "(at)example" : email);
                    m.setString(6, status);
                    m.setInt(7, 1 + r.nextInt(ASSOCIATIONS.length));
                    m.setString(8, r.nextInt(100) < 3 ? "LEFT" : "ACTIVE");
                    m.setObject(9, r.nextInt(100) < 5 ? java.time.LocalDateTime.of(2026, 1, 1, 12, 0) : null);
                    m.addBatch();
                }
                m.executeBatch();
            }
            roles(c, r);
            return null;
        });
    }

    /** Board roles in every association, some people with two roles, and district-level roles. */
    private static void roles(Connection c, Random r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_role (member_id, role, association_id) VALUES (?, ?, ?)");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, association_id FROM member WHERE MOD(id, 7) = 0 ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int assoc = rs.getInt(2);
                String role = switch ((int) (id / 7 % 5)) {
                    case 0 -> "CHAIR";
                    case 1 -> "MEMBERSHIP_OFFICER";
                    case 2 -> "TREASURER";
                    default -> "BOARD_MEMBER";
                };
                add(ps, id, role, assoc);
                if (r.nextInt(4) == 0) {
                    add(ps, id, role.equals("BOARD_MEMBER") ? "CHAIR" : "BOARD_MEMBER", assoc);
                }
                if (r.nextInt(10) == 0) {
                    add(ps, id, "DISTRICT_BOARD", null);
                    if (r.nextBoolean()) {
                        add(ps, id, "EXECUTIVE_COMMITTEE", null);
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long member, String role, Integer assoc) throws SQLException {
        ps.setLong(1, member);
        ps.setString(2, role);
        ps.setObject(3, assoc);
        ps.addBatch();
    }

    /** One member with exactly these properties; returns the member id. {@code association} is an index into ASSOCIATIONS + 1. */
    public static long person(Database db, String number, String first, String last, Integer association, String status,
                              String emailStatus, boolean unsubscribed, String... roles) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, email_status, "
                    + "email_status_since, association_id, status, unsubscribed_at) VALUES (?, ?, ?, ?, ?, NOW(3), ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, number);
                ps.setString(2, first);
                ps.setString(3, last);
                ps.setString(4, emailStatus.equals("OK") || emailStatus.equals("BOUNCED") ? number.toLowerCase() + "@example.org" : null);
                ps.setString(5, emailStatus);
                ps.setObject(6, association);
                ps.setString(7, status);
                ps.setObject(8, unsubscribed ? java.time.LocalDateTime.of(2026, 1, 1, 12, 0) : null);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_role (member_id, role, association_id) VALUES (?, ?, ?)")) {
                for (String role : roles) {
                    boolean district = role.equals("DISTRICT_BOARD") || role.equals("EXECUTIVE_COMMITTEE");
                    add(ps, id, role, district ? null : association);
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    private static int district(Connection c) throws SQLException {
        exec(c, "INSERT INTO district (name) VALUES ('Vänsterpartiet Värmland')");
        try (ResultSet rs = c.createStatement().executeQuery("SELECT MAX(id) FROM district")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** One number from SQL, for independent counts in tests. */
    public static int count(Database db, String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
