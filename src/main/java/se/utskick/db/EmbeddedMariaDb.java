package se.utskick.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB of one folder, shared by every Utskick process on that folder.
 *
 * <p><b>Locked down.</b> The server listens on 127.0.0.1 only, checks passwords (grant tables on), and
 * lets the application in only as {@value MariadbServer#USER} with the password generated into the
 * folder (see {@link EmbeddedFolder} for the files and their owner-only modes). Root can sign in only
 * through the unix socket inside the folder, as the system user that installed it. The application
 * user has no FILE privilege, {@code secure_file_priv} is a folder inside the folder and
 * {@code local_infile} is off: the server reads and writes no file outside its folder for anyone.
 * A folder made by an older Utskick (whose server ran without grant tables) is upgraded at its first
 * start here: the password is generated, the folder made owner-only, the application user created,
 * anonymous users and the test databases' public grants removed; its data is kept.
 *
 * <p><b>Shared.</b> {@link #open} uses the server already running on the folder if there is one: the
 * process that started it records its pid and port in {@code run/server.properties}; the next one
 * checks that the pid is a {@code mariadbd} on this data folder and that it answers with the folder's
 * password, and connects to it (a command beside a running {@code serve} takes about a second, not a
 * server start). Only one process at a time decides whether to start (a lock on {@code run/start.lock}),
 * so there are never two servers on one data folder.
 *
 * <p><b>Who stops it.</b> Every process that uses the server holds a shared lock on
 * {@code run/users.lock} until it {@linkplain #close closes} it; the kernel drops the lock of a process
 * that dies. At close, the last user stops the server, whoever started it: stopping a node does not pull
 * the database from under a command still running, and a command that attached stops nothing the node
 * still uses. A server whose every user was killed (SIGKILL) keeps running as an orphan; the next
 * {@link #open} finds it within a second through the record (or, without one, by scanning for a
 * {@code mariadbd} with this {@code --datadir}), uses it if it answers with the folder's password and is
 * locked down, and otherwise stops it (pid and data folder checked) and starts a new one.
 *
 * <p>Thread-safe. Several instances in one JVM on one folder share the server like separate processes.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    static final Duration START_WAIT = Duration.ofSeconds(120);
    private static final Duration EXIT_HOLD = Duration.ofSeconds(60);
    /** The folders this JVM uses, with the one shared lock it holds on each. Guarded by itself. */
    private static final Map<Path, FolderUse> USES = new HashMap<>();

    private final EmbeddedFolder folder;
    private final String password;
    private final MariadbServer.Running server;
    private final boolean started;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread exitHook;
    private volatile boolean holdAtExit;

    private EmbeddedMariaDb(EmbeddedFolder folder, String password, MariadbServer.Running server, boolean started) {
        this.folder = folder;
        this.password = password;
        this.server = server;
        this.started = started;
        this.exitHook = Thread.ofPlatform().name("embedded-mariadb-release").unstarted(this::closeAtExit);
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /**
     * The server of {@code home}: the one already running there, or a new one.
     *
     * @param home folder for the binaries, the data and the server's files (see {@link EmbeddedFolder})
     * @param port TCP port on 127.0.0.1 for a server started here, or 0 for a free one
     * @throws DatabaseException with the reason and the fix when no server can be used
     */
    public static EmbeddedMariaDb open(Path home, int port) {
        EmbeddedFolder f = EmbeddedFolder.prepare(home);
        synchronized (USES) {
            FolderUse use = USES.get(f.home());
            if (use != null) {
                use.count++;
                return new EmbeddedMariaDb(f, use.password, use.server, false);
            }
            boolean upgrading = f.installed() && !java.nio.file.Files.exists(f.passwordFile());
            String password = f.password();
            try (FileChannel startLock = FileChannel.open(f.run().resolve("start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = EmbeddedStart.lockWithin(startLock, START_WAIT.plusSeconds(30), f)) {
                FileChannel users = FileChannel.open(f.run().resolve("users.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                try {
                    EmbeddedStart.Found found = EmbeddedStart.findOrStart(f, port, password, users, upgrading);
                    FileLock shared = users.lock(0, Long.MAX_VALUE, true);
                    USES.put(f.home(), new FolderUse(users, shared, password, found.server()));
                    return new EmbeddedMariaDb(f, password, found.server(), found.started());
                } catch (RuntimeException | IOException e) {
                    closeQuietly(users);
                    throw e;
                }
            } catch (IOException e) {
                throw new DatabaseException("cannot lock the embedded MariaDB's folder " + f.home() + ": " + e.getMessage(), e);
            }
        }
    }

    public int port() {
        return server.port();
    }

    /** The server's process id. */
    public long pid() {
        return server.process().pid();
    }

    /** True when this instance started the server; false when it found it running. */
    public boolean startedHere() {
        return started;
    }

    /** The application user to connect as. */
    public String user() {
        return MariadbServer.USER;
    }

    /** The application user's password (from the folder's password file). Never log it. */
    public String password() {
        return password;
    }

    /** The unix socket, inside the folder. */
    public Path socket() {
        return folder.socket();
    }

    /** The file that holds the password. */
    public Path passwordFile() {
        return folder.passwordFile();
    }

    /** JDBC URL of a database on this server; connect as {@link #user()} with {@link #password()}. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + database;
    }

    /**
     * Creates {@code name} if it does not exist, and lets the application user use it. The application
     * user has privileges on the databases made here only.
     */
    public void createDatabase(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new DatabaseException("the database name '" + name + "' may hold only letters, digits and _ (1-64 characters);"
                    + " check db.embedded.name");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(name) + "?connectTimeout=5000", user(), password)) {
            return; // it exists and the application user may use it: nothing to do
        } catch (SQLException e) {
            MariadbServer.createDatabase(folder, name);
        }
    }

    /**
     * From now on, a JVM exit (Ctrl-C, SIGTERM) releases the server only after {@link #close}, or
     * after {@link #EXIT_HOLD}: for a long-running node whose own exit hook still needs the database.
     */
    public void holdAtExitUntilClosed() {
        holdAtExit = true;
    }

    /**
     * Releases this process's use of the server; the last user on the folder stops it (see the class
     * comment). Idempotent.
     */
    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook is running or has run
        }
    }

    private void closeAtExit() {
        try {
            if (holdAtExit) {
                closed.await(EXIT_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    private void release() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            synchronized (USES) {
                FolderUse use = USES.get(folder.home());
                if (use == null || --use.count > 0) {
                    return;
                }
                USES.remove(folder.home());
                stopIfLast(use);
            }
        } finally {
            closed.countDown();
        }
    }

    private void stopIfLast(FolderUse use) {
        try (FileChannel startLock = FileChannel.open(folder.run().resolve("start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = EmbeddedStart.lockWithin(startLock, START_WAIT.plusSeconds(30), folder)) {
            use.shared.release();
            if (EmbeddedStart.unused(use.channel)) {
                if (MariadbServer.servesFolder(server.process(), folder)) {
                    MariadbServer.stop(server.process());
                    log.info("embedded MariaDB on {} stopped (pid {})", folder.home(), server.process().pid());
                }
                folder.deleteRecord();
            } else {
                log.info("embedded MariaDB on {} left running for the other Utskick processes using it", folder.home());
            }
        } catch (IOException | RuntimeException e) {
            log.warn("embedded MariaDB on {}: could not release it cleanly: {}", folder.home(), e.toString());
        } finally {
            closeQuietly(use.channel);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            log.debug("closing a lock file failed", e);
        }
    }

    /** This JVM's use of one folder: how many open instances, and the shared lock they hold together. */
    private static final class FolderUse {
        final FileChannel channel;
        final FileLock shared;
        final String password;
        final MariadbServer.Running server;
        int count = 1;

        FolderUse(FileChannel channel, FileLock shared, String password, MariadbServer.Running server) {
            this.channel = channel;
            this.shared = shared;
            this.password = password;
            this.server = server;
        }
    }
}
