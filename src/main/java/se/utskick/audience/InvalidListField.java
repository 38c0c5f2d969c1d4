package se.utskick.audience;

import java.util.List;

/**
 * A saved list's form was refused at one field; nothing was saved. Carries the field's name (as
 * the form names it: {@code name}, {@code roles}, {@code regions}, {@code associations},
 * {@code area}), a message key of the interface's bundle ({@code error.list.*}) and the key's
 * arguments, so the web shows Swedish text at the field; the message is for logs and the command line.
 */
public class InvalidListField extends AudienceException {
    private final String field;
    private final String key;
    private final List<String> args;

    public InvalidListField(String field, String key, String message, String... args) {
        super(message);
        this.field = field;
        this.key = key;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
