package se.utskick;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import se.utskick.db.Database;
import se.utskick.db.EmbeddedMariaDb;

/**
 * One embedded MariaDB per test JVM, and a fresh, fully migrated database on it per call.
 *
 * <p>Usage: {@code Database db = TestDatabase.fresh();} in {@code @BeforeEach} or {@code @BeforeAll},
 * closed by the test. A test that opens its own pool or writes a configuration connects as
 * {@link #USER} with {@link #password()}. The server is released by a shutdown hook when the JVM
 * ends. Its files are under {@code target/test-mariadb}, so {@code mvn clean} removes them.
 */
public final class TestDatabase {
    /** The embedded server's application user. */
    public static final String USER = "utskick";
    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedMariaDb server;

    private TestDatabase() {
    }

    /** A new empty database with the whole schema, on the shared server. */
    public static synchronized Database fresh() {
        String name = "t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        server().createDatabase(name);
        return Database.onUrl(server().jdbcUrl(name), USER, password(), 8);
    }

    /** The JDBC URL of a fresh database, for tests that start a separate JVM on the same server. */
    public static synchronized String freshUrl() {
        String name = "t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        server().createDatabase(name);
        return server().jdbcUrl(name);
    }

    /** The password of {@link #USER} on the shared server. */
    public static String password() {
        return server().password();
    }

    /** The lines {@code db.user} and {@code db.password} of a configuration on the shared server, each ending in a newline. */
    public static String credentialLines() {
        return "db.user = " + USER + "\ndb.password = " + password() + "\n";
    }

    public static synchronized EmbeddedMariaDb server() {
        if (server == null) {
            server = EmbeddedMariaDb.open(Path.of("target", "test-mariadb"), 0);
        }
        return server;
    }
}
