package se.utskick.audience;

import se.utskick.UtskickException;

/** An audience rule or list is wrong (unknown role, association, region or list); the message names it. */
public class AudienceException extends UtskickException {
    public AudienceException(String message) {
        super(message);
    }
}
