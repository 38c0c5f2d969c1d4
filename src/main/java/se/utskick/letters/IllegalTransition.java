package se.utskick.letters;

/** A state change the letter's current state does not allow; the message names the letter, both states and what is allowed. */
public class IllegalTransition extends LetterException {
    public IllegalTransition(String message) {
        super(message);
    }
}
