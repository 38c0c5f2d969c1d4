package se.utskick.letters;

import se.utskick.UtskickException;

/** A letter request is wrong (bad period, empty subject, unknown letter, state does not allow it); the message names the letter and the fix. */
public class LetterException extends UtskickException {
    public LetterException(String message) {
        super(message);
    }
}
