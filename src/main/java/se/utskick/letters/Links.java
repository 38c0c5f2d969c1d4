package se.utskick.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The links of one letter's text part, numbered in order of first appearance ({@code [1]}), listed
 * at the end of the text. Also the one place that decides which links are allowed at all: http,
 * https and mailto; anything else (javascript:, data:, file:) is dropped to its text.
 * Not thread-safe: filled while a letter is prepared, read-only afterwards.
 */
final class Links {
    private final List<String> urls = new ArrayList<>();

    static boolean allowed(String url) {
        String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") || u.startsWith("mailto:");
    }

    /** The number of {@code url} in this letter, adding it if new. */
    int number(String url) {
        int i = urls.indexOf(url);
        if (i < 0) {
            urls.add(url);
            i = urls.size() - 1;
        }
        return i + 1;
    }

    List<String> all() {
        return List.copyOf(urls);
    }
}
