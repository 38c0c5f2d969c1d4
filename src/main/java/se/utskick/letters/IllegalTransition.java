package se.utskick.letters;

/**
 * A state change the letter's current state does not allow (a compare-and-set that lost); the
 * English message names the letter, both states and what is allowed. A {@link WrongLetterState}.
 */
public class IllegalTransition extends WrongLetterState {
    public IllegalTransition(long letterId, LetterState state, String message) {
        super(letterId, state, message);
    }

    public IllegalTransition(long letterId, LetterState state, String key, String message) {
        super(letterId, state, key, message);
    }
}
