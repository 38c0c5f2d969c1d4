package se.utskick.audit;

import se.utskick.UtskickException;

/** An audit entry that cannot be written as given (a bad action word, personal data in it), or a bad query. */
public class AuditException extends UtskickException {
    public AuditException(String message) {
        super(message);
    }
}
