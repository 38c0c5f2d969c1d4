package se.utskick.associations;

import java.util.regex.Pattern;
import se.utskick.UserError;

/**
 * The one rule for what people type on the association pages: text is plain (Markdown allowed),
 * never HTML. A field holding a tag ({@code <script>}, {@code <img onerror=…>}) or a control
 * character is refused with a {@link PageException} naming the field (its Swedish name is {@code assoc.field.<field>}), so nothing with
 * markup is ever stored; pages escape everything they print besides.
 */
final class Inputs {
    private static final Pattern TAG = Pattern.compile("<\\s*[a-zA-Z/!?]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");

    private Inputs() {
    }

    /** A required one-line field, stripped; at most {@code max} characters. */
    static String line(String value, String field, int max) {
        String v = text(value, field, max);
        if (v.isEmpty()) {
            throw PageException.field(field, "assoc.error.required", "the field " + field + " is empty", new UserError.Words("assoc.field." + field));
        }
        if (v.contains("\n") || v.contains("\r")) {
            throw PageException.field(field, "assoc.error.oneline", "the field " + field + " has more than one line", new UserError.Words("assoc.field." + field));
        }
        return v;
    }

    /** An optional text, stripped ("" if absent); at most {@code max} characters. */
    static String text(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw PageException.field(field, "assoc.error.long", "the field " + field + " is longer than " + max, new UserError.Words("assoc.field." + field), max);
        }
        if (TAG.matcher(v).find()) {
            throw PageException.field(field, "assoc.error.html", "the field " + field + " holds HTML", new UserError.Words("assoc.field." + field));
        }
        if (CONTROL.matcher(v).find()) {
            throw PageException.field(field, "assoc.error.control", "the field " + field + " holds control characters", new UserError.Words("assoc.field." + field));
        }
        return v;
    }

    /** The name of an uploaded file: checked whole (a tag may hold a slash), then its last path segment, as a line. */
    static String fileName(String value) {
        String v = text(value, "filename", 1000);
        int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
        return line(v.substring(slash + 1), "filename", 200);
    }
}
