package se.utskick;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import se.utskick.db.Database;
import se.utskick.db.EmbeddedMariaDb;

/**
 * One embedded MariaDB per test JVM, and a fresh, fully migrated database on it per call.
 *
 * <p>Usage: {@code Database db = TestDatabase.fresh();} in {@code @BeforeEach} or {@code @BeforeAll},
 * closed by the test. The server is stopped by a shutdown hook when the JVM ends. Its files are under
 * {@code target/test-mariadb}, so {@code mvn clean} removes them.
 */
public final class TestDatabase {
    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedMariaDb server;

    private TestDatabase() {
    }

    /** A new empty database with the whole schema, on the shared server. */
    public static synchronized Database fresh() {
        String name = "t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        server().createDatabase(name);
        return Database.onUrl(server().jdbcUrl(name), "root", "", 8);
    }

    /** The JDBC URL of a fresh database, for tests that start a separate JVM on the same server. */
    public static synchronized String freshUrl() {
        String name = "t" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
        server().createDatabase(name);
        return server().jdbcUrl(name);
    }

    public static synchronized EmbeddedMariaDb server() {
        if (server == null) {
            server = EmbeddedMariaDb.start(Path.of("target", "test-mariadb"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mariadb-stop"));
        }
        return server;
    }
}
