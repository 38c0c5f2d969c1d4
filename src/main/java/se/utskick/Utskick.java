package se.utskick;

import se.utskick.db.Database;
import se.utskick.db.DatabaseConfig;

/**
 * The composition root: builds the whole object graph by hand, in dependency order, from one
 * {@link Config}. Nothing else constructs services; nothing holds a static reference to them.
 *
 * <p>Lifecycle: {@link #start} opens the database (starting an embedded MariaDB when no URL is
 * configured) and migrates it; {@link #close} releases everything in reverse order.
 */
public final class Utskick implements AutoCloseable {
    private final Config config;
    private final Database database;

    private Utskick(Config config, Database database) {
        this.config = config;
        this.database = database;
    }

    public static Utskick start(Config config) {
        Database db = Database.open(DatabaseConfig.from(config));
        return wire(config, db);
    }

    /** Wires the graph on an already open database (tests use one embedded server for many graphs). */
    public static Utskick wire(Config config, Database db) {
        return new Utskick(config, db);
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
