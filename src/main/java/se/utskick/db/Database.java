package se.utskick.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool on the configured MariaDB (or on an embedded one it starts), with the
 * schema migrated to the newest version before anything else runs.
 *
 * <p>Thread-safe. {@link #close} closes the pool, then releases the embedded server, which stops when
 * no other Utskick process on its folder uses it (see {@link EmbeddedMariaDb}).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * Settings that make the driver fast for our batch-heavy work: batched statements are sent
     * as one bulk command, server-side prepared statements are cached.
     */
    static final String DRIVER_OPTIONS = "useBulkStmts=true&useServerPrepStmts=true&cachePrepStmts=true"
            + "&prepStmtCacheSize=256&connectTimeout=10000&socketTimeout=600000";

    private final HikariDataSource pool;
    private final EmbeddedMariaDb embedded;

    private Database(HikariDataSource pool, EmbeddedMariaDb embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Opens the database described by {@code cfg} and migrates its schema. */
    public static Database open(DatabaseConfig cfg) {
        EmbeddedMariaDb embedded = null;
        String url;
        String user = cfg.user();
        String password = cfg.password();
        if (cfg.url().isPresent()) {
            url = cfg.url().get();
        } else {
            embedded = EmbeddedMariaDb.open(cfg.embeddedDir(), cfg.embeddedPort());
            url = embedded.jdbcUrl(cfg.embeddedName());
            user = embedded.user();
            password = embedded.password();
        }
        try {
            if (embedded != null) {
                embedded.createDatabase(cfg.embeddedName());
            }
            Database db = new Database(pool(url, user, password, cfg.poolSize()), embedded);
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** A pool on an existing server without starting or migrating anything: for tests that manage the server. */
    public static Database onUrl(String url, String user, String password, int poolSize) {
        Database db = new Database(pool(url, user, password, poolSize), null);
        db.migrate();
        return db;
    }

    private static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + DRIVER_OPTIONS);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setPoolName("utskick");
        hc.setConnectionTimeout(15_000);
        hc.setAutoCommit(true);
        hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hc.setConnectionInitSql("SET time_zone = '+00:00', NAMES utf8mb4 COLLATE utf8mb4_swedish_ci");
        try {
            return new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to the database at " + redact(url) + ": " + rootMessage(e)
                    + " (check db.url, db.user and db.password, or UTSKICK_DB_URL, UTSKICK_DB_USER, UTSKICK_DB_PASSWORD)", e);
        }
    }

    /** Brings the schema to this version's migrations (done at every open; again after a restore). */
    public void migrate() {
        try {
            var result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database schema migrated to version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new DatabaseException("the database schema could not be migrated: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A pooled connection in auto-commit mode; the caller closes it. */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new DatabaseException("no database connection available: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     * The work must not keep the connection.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("database transaction failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException("database query failed: " + e.getMessage(), e);
        }
    }

    /**
     * For a long-running node: an embedded server this database started stays up at JVM exit
     * until {@link #close} (the node's own exit hook closes it after giving its work back).
     */
    public void holdEmbeddedAtExit() {
        if (embedded != null) {
            embedded.holdAtExitUntilClosed();
        }
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Work on a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
