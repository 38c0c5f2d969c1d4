package se.utskick.replies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable part of an RFC 3464 DSN ({@code message/delivery-status}, section 2): one
 * per-message block, then one block of fields per recipient. The first recipient whose Action is
 * {@code failed} decides; failing that, one that is {@code delayed} (not a failure); {@code delivered},
 * {@code relayed} and {@code expanded} are no bounce at all.
 */
final class DeliveryStatusReport {
    static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");

    private DeliveryStatusReport() {
    }

    static Optional<Bounce> parse(String body) {
        List<Map<String, String>> blocks = blocks(body);
        Bounce delayed = null;
        for (Map<String, String> b : blocks) {
            String action = b.getOrDefault("action", "").toLowerCase(Locale.ROOT).strip();
            String recipient = address(b.getOrDefault("final-recipient", b.get("original-recipient")));
            String diagnostic = b.get("diagnostic-code");
            String status = status(b.get("status"), diagnostic);
            if (action.startsWith("failed")) {
                return Optional.of(new Bounce(false, status == null ? "4.0.0" : status, recipient, clean(diagnostic)));
            }
            if (action.startsWith("delayed") && delayed == null) {
                delayed = new Bounce(true, status == null ? "4.0.0" : status, recipient, clean(diagnostic));
            }
        }
        return Optional.ofNullable(delayed);
    }

    /** The Status field's code, else the enhanced code in the diagnostic. */
    private static String status(String field, String diagnostic) {
        for (String s : new String[] {field, diagnostic}) {
            if (s != null) {
                Matcher m = ENHANCED.matcher(s);
                if (m.find()) {
                    return m.group();
                }
            }
        }
        return null;
    }

    /** {@code rfc822; anna@example.se} → {@code anna@example.se}. */
    static String address(String typed) {
        if (typed == null) {
            return null;
        }
        int semi = typed.indexOf(';');
        String a = (semi >= 0 ? typed.substring(semi + 1) : typed).strip();
        a = a.replaceAll("^<|>$", "");
        return a.isEmpty() || a.length() > 320 ? null : a.toLowerCase(Locale.ROOT);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("\\s+", " ").strip();
        return c.length() > 1000 ? c.substring(0, 1000) : c;
    }

    /** Header-style blocks separated by blank lines; folded lines are joined; names lower-cased. */
    private static List<Map<String, String>> blocks(String body) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String last = null;
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new LinkedHashMap<>();
                }
                last = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                current.merge(last, " " + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    current.putIfAbsent(last, line.substring(colon + 1).strip());
                }
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
