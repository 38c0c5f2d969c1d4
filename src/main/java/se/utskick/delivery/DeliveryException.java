package se.utskick.delivery;

import se.utskick.UtskickException;

/** A delivery command cannot be done in the letter's current state; the message names the letter and the fix. */
public final class DeliveryException extends UtskickException {
    public DeliveryException(String message) {
        super(message);
    }
}
