package se.utskick.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface's texts: the resource bundle {@code web/messages} (Swedish is the base file; another
 * language is another {@code messages_xx.properties}). Pages use {@code t["key"]}; code uses
 * {@link #get}. A key missing from the bundle is an error when the page renders, never a blank.
 */
final class Texts {
    private final Locale locale;
    private final Map<String, String> all;

    Texts(Locale locale) {
        this.locale = locale;
        ResourceBundle b = ResourceBundle.getBundle("web.messages", locale);
        Map<String, String> m = new HashMap<>();
        for (String k : b.keySet()) {
            m.put(k, b.getString(k));
        }
        this.all = Collections.unmodifiableMap(m);
    }

    String get(String key, Object... args) {
        String s = all.get(key);
        if (s == null) {
            throw new MissingResourceException("no text " + key, "web.messages", key);
        }
        return args.length == 0 ? s : String.format(locale, s, args);
    }

    Map<String, String> all() {
        return all;
    }

    Locale locale() {
        return locale;
    }
}
