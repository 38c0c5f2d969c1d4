package se.utskick.letters;

import se.utskick.UserError;

/**
 * The letter's state does not allow the request (an edit of a letter that is no longer a draft, an
 * approval of a letter being sent). The Swedish text is {@code error.letter.state.STATE}, with the
 * letter's id as argument: it says what state the letter is in and so why.
 */
public class WrongLetterState extends UserError {
    private final long letterId;
    private final LetterState state;

    public WrongLetterState(long letterId, LetterState state, String english) {
        this(letterId, state, "error.letter.state." + state.name(), english);
    }

    /** With a sentence of its own ({@code key}, argument the letter's id) where the state alone does not say why. */
    public WrongLetterState(long letterId, LetterState state, String key, String english) {
        super(Kind.WRONG_STATE, key, null, "letter " + letterId, english, letterId);
        this.letterId = letterId;
        this.state = state;
    }

    public long letterId() {
        return letterId;
    }

    /** The state the letter is really in. */
    public LetterState state() {
        return state;
    }
}
