package se.utskick.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;

/**
 * A consistent logical dump of the whole database, and its restore.
 *
 * <p><b>Backup</b>: one read-only transaction with a consistent snapshot (REPEATABLE READ), so a
 * send or an import running meanwhile is either wholly in the file or not at all. Every base
 * table is written as its {@code CREATE TABLE} and multi-row INSERTs, one statement a line, every
 * value hex-encoded (so no text a member wrote can break a statement). The file is gzip; its last
 * line is {@code -- end sha256 HEX} over every line before it, so a truncated or altered file is
 * known before anything is changed. The file is written beside its target and moved into place,
 * readable by its owner only: it holds the whole register.
 *
 * <p><b>Restore</b>: only into an empty database (every table of the current schema without rows,
 * Quartz's and Flyway's own tables aside), so a restore can never mix two registers; the whole
 * file is verified first, then the current (empty) tables are dropped, the dump is loaded and the
 * migrations bring it to this version. The tables are dropped and created by DDL, which MariaDB
 * cannot roll back: a failure while loading leaves a partly loaded database, and says so.
 */
public final class Backup {
    static final String MAGIC = "-- utskick backup 1";
    private static final String END = "-- end sha256 ";
    /**
     * The only statements a backup holds; a restore runs nothing else, whatever the checksum says
     * (a checksum proves the file whole, not who wrote it). One statement a line: the driver runs
     * one statement per call, so nothing can follow a value.
     */
    private static final java.util.regex.Pattern STATEMENT = java.util.regex.Pattern.compile(
            "SET FOREIGN_KEY_CHECKS=[01];|CREATE TABLE `[A-Za-z0-9_]+` \\(.*;|INSERT INTO `[A-Za-z0-9_]+` VALUES \\(.*;");
    private final DataSource db;
    private final Clock clock;
    private final Runnable migrate;

    /** @param migrate runs the schema migrations on {@code db} (after a restore) */
    public Backup(DataSource db, Clock clock, Runnable migrate) {
        this.db = db;
        this.clock = clock;
        this.migrate = migrate;
    }

    /** What a backup wrote or a restore loaded. */
    public record Summary(int tables, long rows) {
    }

    /** Writes the dump to {@code file} (replaced only when complete). */
    public Summary write(Path file) {
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
        try (Connection c = db.getConnection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement st = c.createStatement()) {
                st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            }
            Summary s;
            try (OutputStream raw = Files.newOutputStream(tmp)) {
                restrict(tmp);
                MessageDigest sha = sha256();
                GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
                Writer lines = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(gz, sha), StandardCharsets.UTF_8));
                s = dump(c, lines);
                lines.flush();
                Writer tail = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
                tail.write(END + HexFormat.of().formatHex(sha.digest()) + "\n");
                tail.flush();
                gz.finish();
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("COMMIT");
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return s;
        } catch (IOException | SQLException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the message below is what matters
            }
            throw new BackupException("the backup to " + file + " failed: " + e.getMessage() + "; nothing was written there", e);
        }
    }

    private Summary dump(Connection c, Writer out) throws SQLException, IOException {
        List<String> tables = tables(c);
        out.write(MAGIC + "\n");
        out.write("-- written " + clock.instant() + ", " + tables.size() + " tables\n");
        out.write("SET FOREIGN_KEY_CHECKS=0;\n");
        long rows = 0;
        for (String t : tables) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW CREATE TABLE `" + t + "`")) {
                rs.next();
                out.write(rs.getString(2).replace('\n', ' ') + ";\n");
            }
            rows += TableRows.write(c, t, out);
        }
        out.write("SET FOREIGN_KEY_CHECKS=1;\n");
        return new Summary(tables.size(), rows);
    }

    /** Verifies {@code file}, checks the database is empty, loads the dump and migrates it to this version. */
    public Summary restore(Path file) {
        verify(file);
        try (Connection c = db.getConnection()) {
            List<String> existing = tables(c);
            List<String> holding = new ArrayList<>();
            for (String t : existing) {
                if (!t.startsWith("QRTZ_") && !t.equals("flyway_schema_history") && hasRows(c, t)) {
                    holding.add(t);
                }
            }
            if (!holding.isEmpty()) {
                throw new BackupException("restore loads into an empty database only, and this one holds data (tables "
                        + String.join(", ", holding.subList(0, Math.min(5, holding.size()))) + (holding.size() > 5 ? ", …" : "")
                        + "); point db.url (or db.embedded.dir) at a new, empty database and run restore again. Nothing was changed");
            }
            Summary loaded;
            try (Statement st = c.createStatement()) {
                st.execute("SET FOREIGN_KEY_CHECKS=0");
                for (String t : existing) {
                    st.execute("DROP TABLE `" + t + "`");
                }
                loaded = load(c, file);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("SET FOREIGN_KEY_CHECKS=1");
                }
            }
            migrate.run();
            return loaded;
        } catch (SQLException | IOException e) {
            throw new BackupException("the restore from " + file + " failed while loading: " + e.getMessage()
                    + "; the database is partly loaded: empty it (or make a new one) before trying again", e);
        }
    }

    private static Summary load(Connection c, Path file) throws IOException, SQLException {
        int tables = 0;
        long rows = 0;
        try (BufferedReader r = reader(file); Statement st = c.createStatement()) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("--") || line.isBlank()) {
                    continue;
                }
                st.execute(line.substring(0, line.length() - 1));
                if (line.startsWith("CREATE TABLE")) {
                    tables++;
                } else if (line.startsWith("INSERT INTO")) {
                    rows += st.getUpdateCount();
                }
            }
        }
        return new Summary(tables, rows);
    }

    /** The whole file is read once before anything is changed: its first line, its statements' shape and its checksum. */
    static void verify(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("there is no backup file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = sha256();
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
            String line = r.readLine();
            if (!MAGIC.equals(line)) {
                throw new BackupException(file + " is not an Utskick backup (it does not start with '" + MAGIC + "'). Nothing was changed");
            }
            String expected = null;
            long number = 1;
            do {
                if (expected != null) {
                    throw new BackupException(file + " has lines after its end line (line " + number + "): it was altered. Nothing was changed");
                }
                if (line.startsWith(END)) {
                    expected = line.substring(END.length());
                } else {
                    if (!line.startsWith("--") && !line.endsWith(";")) {
                        throw new BackupException(file + " line " + number + " is not a whole statement: the file is damaged. Nothing was changed");
                    }
                    if (!line.startsWith("--") && !STATEMENT.matcher(line).matches()) {
                        throw new BackupException(file + " line " + number + " is not a statement a backup holds (only SET"
                                + " FOREIGN_KEY_CHECKS, CREATE TABLE and INSERT INTO of one table of this database): the file was"
                                + " altered. Nothing was changed");
                    }
                    sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                number++;
            } while ((line = r.readLine()) != null);
            if (expected == null) {
                throw new BackupException(file + " ends before its end line: the backup is incomplete (truncated or still being"
                        + " written). Nothing was changed");
            }
            if (!expected.equals(HexFormat.of().formatHex(sha.digest()))) {
                throw new BackupException(file + " does not match its checksum: it was altered or damaged. Nothing was changed");
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BackupException(file + " is not a whole gzip file (" + e.getMessage() + "): the backup is damaged or"
                    + " truncated. Nothing was changed", e);
        } catch (IOException e) {
            throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8));
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    private static boolean hasRows(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM `" + table + "` LIMIT 1")) {
            return rs.next();
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own defaults apply
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
