package se.utskick;

import java.time.Clock;
import se.utskick.audience.AudienceRecipientSource;
import se.utskick.audience.Audiences;
import se.utskick.db.Database;
import se.utskick.db.DatabaseConfig;
import se.utskick.letters.Letters;
import se.utskick.letters.LettersConfig;
import se.utskick.register.Register;
import se.utskick.register.RegisterConfig;

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
    private final Keyring keyring;
    private final Register register;
    private final Audiences audiences;
    private final Letters letters;
    private final AudienceRecipientSource recipientSource;

    private Utskick(Config config, Database database, Clock clock) {
        this.config = config;
        this.database = database;
        this.keyring = Keyring.from(config);
        this.register = new Register(database, RegisterConfig.from(config), keyring);
        this.audiences = new Audiences(database);
        this.letters = new Letters(database, audiences, LettersConfig.from(config), clock);
        this.recipientSource = new AudienceRecipientSource(letters::audienceOf);
    }

    public static Utskick start(Config config) {
        // Feature configs first: a wrong value fails in a moment, before an embedded server starts.
        Keyring.from(config);
        RegisterConfig.from(config);
        LettersConfig.from(config);
        Database db = Database.open(DatabaseConfig.from(config));
        try {
            return wire(config, db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Wires the graph on an already open database (tests use one embedded server for many graphs). */
    public static Utskick wire(Config config, Database db) {
        return new Utskick(config, db, Clock.systemUTC());
    }

    public Config config() {
        return config;
    }

    public Database database() {
        return database;
    }

    public Keyring keyring() {
        return keyring;
    }

    public Register register() {
        return register;
    }

    public Audiences audiences() {
        return audiences;
    }

    /** Letters and events; {@code letters().composer()} and {@code letters().states()} are delivery's LetterComposer and LetterLifecycle. */
    public Letters letters() {
        return letters;
    }

    /** Delivery's RecipientSource: the audience of a letter as one SELECT. */
    public AudienceRecipientSource recipientSource() {
        return recipientSource;
    }

    @Override
    public void close() {
        database.close();
    }
}
