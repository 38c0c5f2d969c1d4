package se.utskick.db;

import java.nio.file.Path;
import java.util.Optional;
import se.utskick.Config;

/**
 * Where the database is. With no {@code url}, the embedded MariaDB of {@code embeddedDir} is used (the one
 * already running there, or a new one) and the database {@code embeddedName} is created on it; the
 * embedded server has its own user and generated password, so {@code user} and {@code password} apply
 * to {@code url} only.
 */
public record DatabaseConfig(Optional<String> url, String user, String password,
                             Path embeddedDir, int embeddedPort, String embeddedName, int poolSize) {

    public static DatabaseConfig from(Config c) {
        return new DatabaseConfig(
                c.optional("db.url"),
                c.string("db.user", "utskick"),
                c.string("db.password", ""),
                c.path("db.embedded.dir", "data/mariadb"),
                c.integer("db.embedded.port", 0, 0, 65535),
                c.string("db.embedded.name", "utskick"),
                c.integer("db.pool.size", 12, 2, 200));
    }

    /** Hides the password: records print every component otherwise. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.orElse("(embedded)") + ", user=" + user + ", embeddedDir=" + embeddedDir + "]";
    }
}
