package se.utskick;

import java.time.Clock;
import se.utskick.db.Database;
import se.utskick.db.DatabaseConfig;
import se.utskick.replies.Replies;
import se.utskick.replies.RepliesConfig;

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
    private final Replies replies;

    private Utskick(Config config, Database database, Replies replies) {
        this.config = config;
        this.database = database;
        this.replies = replies;
    }

    public static Utskick start(Config config) {
        Database db = Database.open(DatabaseConfig.from(config));
        return wire(config, db);
    }

    /** Wires the graph on an already open database (tests use one embedded server for many graphs). */
    public static Utskick wire(Config config, Database db) {
        // TODO(lead): replace NotYetWired with the delivery log, letters and register adapters
        NotYetWired notYet = new NotYetWired();
        Replies replies = Replies.create(db, RepliesConfig.from(config), notYet, notYet, notYet, notYet, notYet,
                Clock.systemUTC());
        return new Utskick(config, db, replies);
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return database;
    }

    /** The reply mailbox, reply log, feedback and unsubscribe. */
    public Replies replies() {
        return replies;
    }

    @Override
    public void close() {
        database.close();
    }
}
