package se.utskick.letters;

import se.utskick.UserError;

/**
 * A field of a letter or item has a value that cannot be used; {@link #field()} names it with the
 * compose form's field name ({@code subject}, {@code deadline}, {@code password}, {@code request},
 * {@code heading}, {@code body}, {@code period}, {@code kind}, {@code member}, {@code address}), and
 * the key names the problem ({@code error.letter.subject.blank}, …).
 */
public final class InvalidLetterField extends UserError {
    public InvalidLetterField(long letterId, String field, String key, String english, Object... args) {
        super(Kind.INVALID_FIELD, key, field, letterId == 0 ? "new letter" : "letter " + letterId, english, args);
    }
}
