package se.utskick.audience;

import se.utskick.UserError;

/**
 * A saved list's form was refused at one field; nothing was saved. The field is named as the form
 * names it ({@code name}, {@code description}, {@code roles}, {@code area}, {@code regions},
 * {@code associations}); the key is one of the interface's {@code error.list.*} texts.
 */
public final class InvalidListField extends UserError {
    public InvalidListField(String field, String key, String english, Object... args) {
        super(Kind.INVALID_FIELD, key, field, "list form", english, args);
    }
}
