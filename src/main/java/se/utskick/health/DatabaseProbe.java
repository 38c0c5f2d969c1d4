package se.utskick.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/** FAIL when a connection cannot be had or a trivial query does not answer within two seconds. */
public final class DatabaseProbe implements Probe {
    private final DataSource db;

    /** {@code db}: the node's pool ({@code Database.dataSource()}). */
    public DatabaseProbe(DataSource db) {
        this.db = db;
    }

    @Override
    public Check check() {
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            try (ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                rs.next();
                return Check.ok("database", "MariaDB " + rs.getString(1) + ", answered in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        } catch (Exception e) {
            return Check.fail("database", "no answer: " + e.getClass().getSimpleName()
                    + "; check that the database runs and db.url/db.user/db.password");
        }
    }
}
