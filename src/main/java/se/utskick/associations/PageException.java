package se.utskick.associations;

import se.utskick.UserError;

/**
 * A user's mistake on an association page or in the staff's association pages: a {@link UserError}
 * whose key is a Swedish sentence of {@code web/messages.properties} (keys {@code assoc.error.*}).
 * Nothing was stored. A field's Swedish name is passed as {@link UserError.Words} of the key
 * {@code assoc.field.<field>}, so the sentence names the field as the form shows it.
 */
public final class PageException extends UserError {
    private PageException(Kind kind, String key, String field, String english, Object... args) {
        super(kind, key, field, "association page", english, args);
    }

    /** A field of the form holds a value that cannot be used. */
    public static PageException field(String field, String key, String english, Object... args) {
        return new PageException(Kind.INVALID_FIELD, key, field, english, args);
    }

    /** What the form refers to is not there (any more). */
    public static PageException notFound(String key, String english, Object... args) {
        return new PageException(Kind.NOT_FOUND, key, null, english, args);
    }

    /** What the form refers to is in a state that does not allow the change. */
    public static PageException wrongState(String key, String english, Object... args) {
        return new PageException(Kind.WRONG_STATE, key, null, english, args);
    }
}
