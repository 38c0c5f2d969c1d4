package se.utskick.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The files of one embedded MariaDB under its folder ({@code db.embedded.dir}), and who may read them.
 *
 * <pre>
 *   home/            0700  only the invoking user can enter
 *     db.password    0600  the application user's generated password
 *     mariadbd.log         the server's own log (appended at every start)
 *     base/                the unpacked server binaries
 *     data/          0700  the databases
 *     tmp/           0700  the server's temporary files
 *     files/         0700  secure_file_priv: the only folder the server may read or write files in
 *     run/           0700  mariadb.sock (0700), mariadbd.pid, server.properties (where it listens),
 *                          init.sql while the server starts, and the locks of the processes that share it
 * </pre>
 *
 * <p>When Utskick runs as root, the server runs as root too (MariaDB refuses otherwise unless told
 * {@code --user=root}); then these modes are what keep other local users out.
 */
final class EmbeddedFolder {
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** sun_path holds 108 bytes with the final NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    private final Path home;

    private EmbeddedFolder(Path home) {
        this.home = home;
    }

    /** Creates the folders that are missing and makes every one of them owner-only (also those of an older Utskick). */
    static EmbeddedFolder prepare(Path home) {
        EmbeddedFolder f = new EmbeddedFolder(home.toAbsolutePath().normalize());
        if (f.socket().toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new DatabaseException("the embedded MariaDB's folder " + f.home + " is too deep: its socket path " + f.socket()
                    + " is longer than the " + MAX_SOCKET_PATH + " bytes a unix socket allows; set db.embedded.dir to a shorter path");
        }
        try {
            for (Path dir : new Path[] {f.home, f.data(), f.tmp(), f.files(), f.run()}) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            }
            Files.createDirectories(f.base());
        } catch (IOException e) {
            throw new DatabaseException("cannot prepare the embedded MariaDB's folder " + f.home + ": " + e.getMessage()
                    + " (it must be writable by this user; set db.embedded.dir or UTSKICK_DB_EMBEDDED_DIR to another one)", e);
        }
        return f;
    }

    Path home() {
        return home;
    }

    Path base() {
        return home.resolve("base");
    }

    Path data() {
        return home.resolve("data");
    }

    Path tmp() {
        return home.resolve("tmp");
    }

    Path files() {
        return home.resolve("files");
    }

    Path run() {
        return home.resolve("run");
    }

    Path socket() {
        return run().resolve("mariadb.sock");
    }

    Path pidFile() {
        return run().resolve("mariadbd.pid");
    }

    Path initFile() {
        return run().resolve("init.sql");
    }

    Path log() {
        return home.resolve("mariadbd.log");
    }

    Path passwordFile() {
        return home.resolve("db.password");
    }

    Path recordFile() {
        return run().resolve("server.properties");
    }

    /** True when the data folder holds an installed server (the grant tables exist). */
    boolean installed() {
        return Files.isDirectory(data().resolve("mysql"));
    }

    /**
     * The application user's password: read from {@link #passwordFile()}, or generated (192 random bits,
     * hex) and written there with mode 0600 the first time. A file readable by others is made owner-only.
     */
    String password() {
        Path file = passwordFile();
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                String pw = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!pw.matches("[0-9a-f]{32,}")) {
                    throw new DatabaseException("the embedded MariaDB's password file " + file + " is damaged (expected at least"
                            + " 32 hex digits); delete it and the next start writes a new one");
                }
                return pw;
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String pw = HexFormat.of().formatHex(random);
            writeOwnerOnly(file, pw + "\n");
            return pw;
        } catch (IOException e) {
            throw new DatabaseException("cannot read or write the embedded MariaDB's password file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the running server listens, as the process that started it recorded it. */
    record ServerRecord(long pid, int port, Path socket, Path dataDir, Instant startedAt) {
    }

    Optional<ServerRecord> readRecord() {
        Path file = recordFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new ServerRecord(Long.parseLong(p.getProperty("pid")), Integer.parseInt(p.getProperty("port")),
                    Path.of(p.getProperty("socket")), Path.of(p.getProperty("datadir")), Instant.parse(p.getProperty("started-at"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a half-written or damaged record is no record: the process scan still finds the server
        }
    }

    void writeRecord(ServerRecord r) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(r.pid()));
        p.setProperty("port", Integer.toString(r.port()));
        p.setProperty("socket", r.socket().toString());
        p.setProperty("datadir", r.dataDir().toString());
        p.setProperty("started-at", r.startedAt().toString());
        Path tmp = run().resolve("server.properties.tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "The embedded MariaDB on this folder; written by the Utskick process that started it");
            }
            Files.move(tmp, recordFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DatabaseException("cannot write " + recordFile() + ": " + e.getMessage(), e);
        }
    }

    void deleteRecord() {
        try {
            Files.deleteIfExists(recordFile());
        } catch (IOException e) {
            throw new DatabaseException("cannot delete " + recordFile() + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to a new file that only the owner can read, replacing an older one. */
    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
