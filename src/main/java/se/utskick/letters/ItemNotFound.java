package se.utskick.letters;

import se.utskick.UserError;

/** The letter has no item at that position (it was removed or moved meanwhile). */
public final class ItemNotFound extends UserError {
    public ItemNotFound(long letterId, int position) {
        super(Kind.NOT_FOUND, "error.item.notfound", null, "letter " + letterId + " item " + position,
                "letter " + letterId + " has no item " + position, letterId, position);
    }
}
