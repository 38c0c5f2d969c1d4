package se.utskick.db;

import se.utskick.UtskickException;

/** The database could not be reached, started, migrated or queried. */
public class DatabaseException extends UtskickException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseException(String message) {
        super(message);
    }
}
