package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.register.SampleRegister;

/**
 * Guards {@code backup} and {@code restore} through the command line: a backup restored into an
 * empty database gives every table back row for row (names with quotes, semicolons and line
 * breaks, and fractions of a second with a leading zero, included); a damaged, truncated, altered or foreign file, and a database that holds
 * data, are refused with the reason before anything changes.
 */
class BackupRestoreTest {
    @TempDir
    static Path dir;
    static String source;
    static Path sourceConfig;
    static Path backup;

    @BeforeAll
    static void backUpAFilledDatabase() throws IOException {
        source = TestDatabase.freshUrl();
        try (Database db = Database.onUrl(source, TestDatabase.USER, TestDatabase.password(), 2)) {
            SampleRegister.load(db, 400, SampleRegister.DEFAULT_SEED);
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO send_run (letter_id, list_id, state, recipients, "
                    + "started_at) VALUES (1, 'Medlemsbrevet <m.example.org>', 'FINISHED', 2, NOW(3))"));
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO delivery (letter_id, member_id, email, first_name, "
                    + "last_name, state, attempts, due_at, queued_at, last_reply) VALUES "
                    + "(1, 1, 'a@example.org', 'Åsa '';DROP TABLE member;--', 'Ö\\nÖ', 'SENT', 1, '2026-12-03 09:30:12.065', NOW(3), '250 ok'), "
                    + "(1, 2, 'b@example.org', 'Ä', 'Ö', 'FAILED', 1, NOW(3), NOW(3), NULL)"));
        }
        sourceConfig = config("source", source);
        backup = dir.resolve("utskick.sql.gz");
        CliRun written = CliRun.of(sourceConfig, "backup", backup.toString());
        assertEquals(0, written.code(), written.err());
        assertTrue(written.out().contains("backup written to"), written.out());
    }

    @Test
    void aBackupRestoresEveryRowIntoAnEmptyDatabaseAndIsOwnerOnly() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
        String target = TestDatabase.freshUrl();
        CliRun restored = CliRun.of(config("target", target), "restore", backup.toString());
        assertEquals(0, restored.code(), restored.err());
        assertTrue(restored.out().contains("restored from"), restored.out());
        assertEquals(rows(source, "delivery"), rows(target, "delivery"), "a fraction with a leading zero (.065) stays .065");
        assertEquals(contents(source), contents(target));
        assertEquals(CliRun.of(sourceConfig, "register", "show").out(), CliRun.of(config("target", target), "register", "show").out());
    }

    @Test
    void aTruncatedBackupIsRefusedAndNothingChanges() throws Exception {
        byte[] whole = Files.readAllBytes(backup);
        refused(Files.write(dir.resolve("cut.sql.gz"), Arrays.copyOf(whole, whole.length / 2)), "truncated");
    }

    @Test
    void aBackupCutAtALineIsRefusedAsIncomplete() throws Exception {
        String text = gunzip(backup);
        String cut = text.substring(0, text.lastIndexOf("INSERT INTO"));
        refused(gzip(dir.resolve("cut-at-line.sql.gz"), cut), "incomplete");
    }

    @Test
    void anAlteredBackupIsRefusedByItsChecksum() throws Exception {
        String text = gunzip(backup).replaceFirst("'FINISHED'|_utf8mb4 X'46494e4953484544'", "_utf8mb4 X'50415553454420'");
        refused(gzip(dir.resolve("altered.sql.gz"), text), "checksum");
    }

    @Test
    void aWholeFileWithAStatementNoBackupHoldsIsRefused() throws Exception {
        String text = gunzip(backup);
        String body = text.substring(0, text.lastIndexOf("-- end sha256 "));
        String hostile = body + "DROP DATABASE utskick;\n";
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String signed = hostile + "-- end sha256 " + java.util.HexFormat.of().formatHex(sha.digest(hostile.getBytes(StandardCharsets.UTF_8))) + "\n";
        refused(gzip(dir.resolve("hostile.sql.gz"), signed), "not a statement a backup holds");
        String otherDb = body.replaceFirst("INSERT INTO `member` VALUES", "INSERT INTO `mysql`.`user` VALUES");
        String signed2 = otherDb + "-- end sha256 " + java.util.HexFormat.of().formatHex(sha.digest(otherDb.getBytes(StandardCharsets.UTF_8))) + "\n";
        refused(gzip(dir.resolve("other-db.sql.gz"), signed2), "not a statement a backup holds");
    }

    @Test
    void aFileThatIsNoBackupIsRefused() throws Exception {
        refused(Files.writeString(dir.resolve("plain.sql"), "DROP TABLE member;\n"), "gzip");
        refused(gzip(dir.resolve("foreign.sql.gz"), "-- MySQL dump 10.13\nDROP TABLE member;\n"), "not an Utskick backup");
        refused(dir.resolve("missing.sql.gz"), "no backup file");
    }

    @Test
    void aDatabaseThatHoldsDataIsNotOverwritten() throws Exception {
        Map<String, String> before = contents(source);
        CliRun run = CliRun.of(sourceConfig, "restore", backup.toString());
        assertEquals(1, run.code(), run.out());
        assertTrue(run.err().contains("holds data") && run.err().contains("Nothing was changed"), run.err());
        assertEquals(before, contents(source));
    }

    private static void refused(Path file, String reason) throws Exception {
        String target = TestDatabase.freshUrl();
        Map<String, String> before = contents(target);
        CliRun run = CliRun.of(config("t" + System.nanoTime(), target), "restore", file.toString());
        assertEquals(1, run.code(), run.out());
        assertTrue(run.err().contains(reason), reason + " in: " + run.err());
        assertEquals(before, contents(target), "nothing changed");
    }

    /** Every base table's row count and checksum. */
    private static Map<String, String> contents(String url) {
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 1)) {
            return db.withConnection(c -> {
                Map<String, String> out = new TreeMap<>();
                java.util.List<String> tables = new java.util.ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String t : tables) {
                    if (t.equals("flyway_schema_history")) {
                        continue; // installed_on differs by the moment each database was migrated
                    }
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM `" + t + "`");
                         ResultSet sum = c.createStatement().executeQuery("CHECKSUM TABLE `" + t + "`")) {
                        rs.next();
                        sum.next();
                        out.put(t, rs.getLong(1) + "/" + sum.getString(2));
                    }
                }
                return out;
            });
        }
    }

    private static String rows(String url, String table) {
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 1)) {
            return db.withConnection(c -> {
                StringBuilder b = new StringBuilder();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM `" + table + "` ORDER BY 1")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            b.append(rs.getString(i)).append('|');
                        }
                        b.append('\n');
                    }
                }
                return b.toString();
            });
        }
    }

    private static Path config(String name, String url) throws IOException {
        return Files.writeString(dir.resolve(name + ".properties"), "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = backup-test-secret-0123456789-0123456789\nsmtp.host = 127.0.0.1\nsmtp.port = 2599\n");
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path gzip(Path file, String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return Files.write(file, b.toByteArray());
    }
}
