package se.utskick.letters;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrap for the text part. Words longer than the width (long addresses) get a line of their own. */
final class TextWrap {
    static final int WIDTH = 72;

    private TextWrap() {
    }

    /** Wraps {@code text} ('\n' forces a break) with {@code first} before the first line and {@code rest} before the others. */
    static List<String> wrap(String text, String first, String rest) {
        List<String> out = new ArrayList<>();
        String prefix = first;
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder(prefix);
            boolean empty = true;
            for (String word : para.strip().split("[ \\t]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (!empty && line.length() + 1 + word.length() > WIDTH) {
                    out.add(line.toString());
                    line = new StringBuilder(rest);
                    empty = true;
                }
                if (!empty) {
                    line.append(' ');
                }
                line.append(word);
                empty = false;
            }
            out.add(line.toString().stripTrailing());
            prefix = rest;
        }
        return out;
    }

    /** {@link #wrap} joined with '\n'. */
    static String wrapped(String text) {
        return String.join("\n", wrap(text, "", ""));
    }
}
