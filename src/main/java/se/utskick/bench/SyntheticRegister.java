package se.utskick.bench;

import java.sql.PreparedStatement;
import java.sql.Statement;
import se.utskick.db.Database;

/**
 * Fills the register with {@code n} synthetic active members with OK addresses
 * ({@code m<i>@<domain>}, Swedish names), spread over 40 associations, with one set-based INSERT
 * on MariaDB's sequence engine. Only for benchmarks and tests: it adds to whatever is there.
 */
public final class SyntheticRegister {
    private static final String[] FIRST = {"Åsa", "Örjan", "Märta", "Björn", "Käthe", "Sören", "Ingrid", "Håkan"};
    private static final String[] LAST = {"Öberg", "Åström", "Lindqvist", "Bäckström", "Sjögren", "Nyström", "Ek"};

    private SyntheticRegister() {
    }

    /** Adds {@code n} members; returns the id of the first one. */
    public static long fill(Database db, int n, String emailDomain) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT IGNORE INTO district (name) VALUES ('Syntetiska distriktet')");
                s.executeUpdate("INSERT IGNORE INTO association (district_id, name, region) SELECT d.id, CONCAT('Förening ', q.seq), "
                        + "IF(q.seq % 2 = 0, 'NORTH', 'SOUTH') FROM district d JOIN seq_1_to_40 q WHERE d.name = 'Syntetiska distriktet'");
            }
            long first;
            try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM member")) {
                r.next();
                first = r.getLong(1);
            }
            String firsts = String.join("','", FIRST);
            String lasts = String.join("','", LAST);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, "
                    + "email_status, email_status_since, association_id) "
                    + "SELECT CONCAT('S', ? + q.seq), ELT(1 + q.seq % " + FIRST.length + ", '" + firsts + "'), "
                    + "ELT(1 + q.seq % " + LAST.length + ", '" + lasts + "'), CONCAT('m', ? + q.seq, '@', ?), 'OK', NOW(3), "
                    + "(SELECT MIN(a.id) FROM association a JOIN district d ON d.id = a.district_id "
                    + "WHERE d.name = 'Syntetiska distriktet') + q.seq % 40 "
                    + "FROM seq_1_to_" + n + " q")) {
                p.setLong(1, first);
                p.setLong(2, first);
                p.setString(3, emailDomain);
                p.executeUpdate();
            }
            return first;
        });
    }
}
