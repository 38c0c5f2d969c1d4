package se.utskick.doctor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.utskick.db.Database;

/**
 * The database answers and is MariaDB 10.6 or newer: the sender workers claim their work with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, which MariaDB has since 10.6.
 */
final class DatabaseCheck {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    private DatabaseCheck() {
    }

    /** {@code database}: gives the opened, migrated database, or throws why it cannot. */
    static Finding run(Supplier<Database> database) {
        String version;
        try (Connection c = database.get().connection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(10);
            try (ResultSet rs = st.executeQuery("SELECT VERSION()")) {
                rs.next();
                version = rs.getString(1);
            }
        } catch (se.utskick.ConfigException e) {
            return Finding.fail("config", "Utskick does not start, so the database was not checked: " + e.getMessage(),
                    "correct the key named, then run doctor again");
        } catch (Exception e) {
            return Finding.fail("database", "cannot be opened: " + e.getMessage(),
                    "check that the database runs and db.url, db.user, db.password (or UTSKICK_DB_URL, ...)");
        }
        return verdict(version);
    }

    static Finding verdict(String version) {
        Matcher m = VERSION.matcher(version);
        if (!version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") || !m.find()) {
            return Finding.warn("database", "reachable, but '" + version + "' is not MariaDB; Utskick is built and tested on "
                    + "MariaDB 10.6+", "use MariaDB 10.6 or newer");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 10 || major == 10 && minor < 6) {
            return Finding.fail("database", "MariaDB " + version + " is older than 10.6, which SKIP LOCKED needs (the "
                    + "sender workers claim their work with it)", "upgrade MariaDB to 10.6 or newer (10.11 LTS)");
        }
        return Finding.ok("database", "MariaDB " + version + " answers, schema migrated (10.6+ has SKIP LOCKED)");
    }
}
