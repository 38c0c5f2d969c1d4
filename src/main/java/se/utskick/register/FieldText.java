package se.utskick.register;

import java.util.Optional;

/**
 * The characters a text field of a register export may not hold, and how to show a value in an
 * error message safely. Refused: C0 controls (tab only where {@code allowTab}), line breaks, DEL,
 * C1 controls (CSI among them), the Unicode line and paragraph separators, the byte-order mark
 * inside text, and the bidirectional overrides, embeddings, isolates and marks (which make a name
 * display as something else). ESC, and so every terminal escape sequence, is a C0 control. Stateless.
 */
final class FieldText {
    private FieldText() {
    }

    /**
     * What is wrong with {@code value}, or empty if it holds no forbidden character.
     *
     * @return e.g. "contains ESC (U+001B, a terminal escape sequence) at character 5; ..."
     */
    static Optional<String> problem(String value, boolean allowTab) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (forbidden(ch, allowTab)) {
                return Optional.of("contains " + name(ch) + " at character " + (i + 1)
                        + "; control characters, line breaks and terminal escape sequences are not allowed in a register"
                        + " export (fix the value in the member register and export again)");
            }
        }
        return Optional.empty();
    }

    static boolean forbidden(char ch, boolean allowTab) {
        if (ch < 0x20) {
            return !(allowTab && ch == '\t');
        }
        return ch == 0x7F || (ch >= 0x80 && ch <= 0x9F) || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF
                || ch == 0x061C || ch == 0x200E || ch == 0x200F || (ch >= 0x202A && ch <= 0x202E)
                || (ch >= 0x2066 && ch <= 0x2069);
    }

    /** A readable name of a forbidden character, with its code point. */
    static String name(char ch) {
        String code = String.format("U+%04X", (int) ch);
        String what = switch (ch) {
            case 0 -> "NUL";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            case 0x1B -> "ESC";
            case 0x7F -> "DEL";
            case 0x9B -> "CSI";
            case 0x2028, 0x2029 -> "a Unicode line separator";
            case 0xFEFF -> "a byte-order mark";
            default -> ch < 0x20 ? "a control character" : ch <= 0x9F ? "a C1 control character"
                    : "a bidirectional text control";
        };
        String extra = ch == 0x1B || ch == 0x9B ? ", a terminal escape sequence" : "";
        return what + " (" + code + extra + ")";
    }

    /** {@code value} for an error message: at most 60 characters, forbidden characters as U+XXXX. */
    static String shown(String value) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < value.length() && b.length() < 60; i++) {
            char ch = value.charAt(i);
            b.append(forbidden(ch, false) ? String.format("<U+%04X>", (int) ch) : String.valueOf(ch));
        }
        return i < value.length() ? b + "…" : b.toString();
    }
}
