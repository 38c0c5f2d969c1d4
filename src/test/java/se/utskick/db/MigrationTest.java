package se.utskick.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;

/** Guards that the versioned migrations build the whole schema, Quartz's tables included, on real MariaDB. */
class MigrationTest {

    @Test
    void freshDatabaseHasRegisterAndQuartzTables() {
        try (Database db = TestDatabase.fresh()) {
            Set<String> tables = db.withConnection(c -> {
                Set<String> names = new HashSet<>();
                try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME").toLowerCase());
                    }
                }
                return names;
            });
            assertTrue(tables.containsAll(Set.of("member", "association", "member_role", "district", "erased_member")), tables::toString);
            assertTrue(tables.containsAll(Set.of("qrtz_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_fired_triggers")), tables::toString);
        }
    }

    @Test
    void serverIsRecentEnoughForSkipLocked() {
        try (Database db = TestDatabase.fresh()) {
            String version = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT VERSION()")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            String[] parts = version.split("[.-]");
            int major = Integer.parseInt(parts[0]);
            int minor = Integer.parseInt(parts[1]);
            assertTrue(major > 10 || (major == 10 && minor >= 6), "MariaDB " + version + " lacks SKIP LOCKED");
        }
    }

    @Test
    void transactionThatThrowsLeavesNothingBehind() {
        try (Database db = TestDatabase.fresh()) {
            try {
                db.inTransaction(c -> {
                    c.createStatement().executeUpdate("INSERT INTO district (name) VALUES ('Värmland')");
                    throw new IllegalStateException("boom");
                });
            } catch (IllegalStateException expected) {
                // the work's own exception comes out unchanged
            }
            int rows = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM district")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertEquals(0, rows);
        }
    }
}
