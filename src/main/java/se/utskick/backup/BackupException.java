package se.utskick.backup;

import se.utskick.UtskickException;

/** A backup that cannot be written, or a file that cannot be restored; the message says why and what to do. */
public final class BackupException extends UtskickException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
