package se.utskick;

import java.util.List;
import java.util.Optional;

/**
 * A failure the person using Utskick caused and can put right: something that is not there, a thing
 * in a state that does not allow the request, or a field with a wrong value. Errors are types, words
 * are at the edge.
 *
 * <p>Contract, for every subtype (each feature owns its concrete types, e.g. {@code
 * letters.LetterNotFound}):
 * <ul>
 *   <li>{@link #kind()} says which of the three it is; the web maps it to a status code in one place
 *       ({@code web.WebUi}: {@link Kind#NOT_FOUND} 404, {@link Kind#WRONG_STATE} 409,
 *       {@link Kind#INVALID_FIELD} 422).</li>
 *   <li>{@link #key()} is a key of {@code web/messages.properties}, the Swedish sentence the web shows;
 *       {@link #args()} are its {@code String.format} arguments, already in the form a person reads
 *       (numbers, names, dates as text). The key must exist: a missing one fails the page.</li>
 *   <li>{@link #field()} is the name of the form field at fault ({@code subject}, {@code deadline},
 *       …), only and always for {@link Kind#INVALID_FIELD}; the same names the command line's options
 *       use, so each edge can point at its own field.</li>
 *   <li>{@link #subject()} is the identity of what failed ({@code "letter 12"}), for logs and the
 *       audit trail; never a person's name or address.</li>
 *   <li>{@link #getMessage()} is one plain English sentence for logs and the command line. It never
 *       holds command-line syntax or Swedish: the command line adds its own advice from the type.</li>
 * </ul>
 * A service throws a user error before it changes anything, or inside the one transaction that would
 * have changed it, so when one is thrown nothing of the request was saved.
 */
public abstract class UserError extends UtskickException {
    /** The three kinds of user error, each with the HTTP status the web answers. */
    public enum Kind {
        NOT_FOUND(404), WRONG_STATE(409), INVALID_FIELD(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status of this kind. */
        public int status() {
            return status;
        }
    }

    /**
     * An argument that is itself a bundle key (a field's Swedish name, say): the edge that words the
     * error looks it up before formatting; the command line prints the key's last part.
     */
    public record Words(String key) {
        @Override
        public String toString() {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }

    private final Kind kind;
    private final String key;
    private final String field;
    private final String subject;
    private final List<Object> args;

    /**
     * @param field   the form field at fault: required for {@link Kind#INVALID_FIELD}, null otherwise
     * @param english the English sentence for logs and the command line
     */
    protected UserError(Kind kind, String key, String field, String subject, String english, Object... args) {
        super(english);
        if ((kind == Kind.INVALID_FIELD) != (field != null)) {
            throw new IllegalArgumentException("an INVALID_FIELD error names its field, the others none: " + kind + " " + field);
        }
        this.kind = kind;
        this.key = key;
        this.field = field;
        this.subject = subject;
        this.args = List.of(args);
    }

    public Kind kind() {
        return kind;
    }

    /** The key of the Swedish sentence in {@code web/messages.properties}. */
    public String key() {
        return key;
    }

    /** The form field at fault, for {@link Kind#INVALID_FIELD}. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** What failed, by identity ({@code "letter 12"}). */
    public String subject() {
        return subject;
    }

    /** The arguments of the sentence {@link #key()}. */
    public List<Object> args() {
        return args;
    }
}
