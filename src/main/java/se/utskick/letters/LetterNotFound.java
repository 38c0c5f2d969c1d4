package se.utskick.letters;

import se.utskick.UserError;

/** There is no letter by that id or reference. */
public final class LetterNotFound extends UserError {
    private final String reference;

    public LetterNotFound(String reference) {
        super(Kind.NOT_FOUND, "error.letter.notfound", null, "letter " + reference, "there is no letter " + reference, reference);
        this.reference = reference;
    }

    /** The id or reference that matched no letter. */
    public String reference() {
        return reference;
    }
}
