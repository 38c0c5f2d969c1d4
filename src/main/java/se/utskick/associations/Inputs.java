package se.utskick.associations;

import java.util.regex.Pattern;

/**
 * The one rule for what people type on the association pages: text is plain (Markdown allowed),
 * never HTML. A field holding a tag ({@code <script>}, {@code <img onerror=…>}) or a control
 * character is refused with a Swedish {@link PageException} naming the field, so nothing with
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
            throw new PageException("Fyll i " + field + ".");
        }
        if (v.contains("\n") || v.contains("\r")) {
            throw new PageException("Fältet " + field + " ska vara en enda rad.");
        }
        return v;
    }

    /** An optional text, stripped ("" if absent); at most {@code max} characters. */
    static String text(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new PageException("Fältet " + field + " är för långt: högst " + max + " tecken.");
        }
        if (TAG.matcher(v).find()) {
            throw new PageException("Fältet " + field + " innehåller HTML-kod (till exempel <script>). Skriv vanlig text.");
        }
        if (CONTROL.matcher(v).find()) {
            throw new PageException("Fältet " + field + " innehåller osynliga styrtecken. Skriv om texten för hand.");
        }
        return v;
    }

    /** The name of an uploaded file: checked whole (a tag may hold a slash), then its last path segment, as a line. */
    static String fileName(String value) {
        String v = text(value, "filnamnet", 1000);
        int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
        return line(v.substring(slash + 1), "filnamnet", 200);
    }
}
