package se.utskick.replies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.utskick.smtp.Refusals;

/**
 * The machine-readable part of an RFC 3464 DSN ({@code message/delivery-status}, section 2): one
 * per-message block, then one block of fields per recipient. The first recipient whose Action is
 * {@code failed} decides; failing that, one that is {@code delayed} (not a failure); {@code delivered},
 * {@code relayed} and {@code expanded} are no bounce at all.
 */
final class DeliveryStatusReport {
    static final Pattern ENHANCED = Refusals.ENHANCED;

    private DeliveryStatusReport() {
    }

    /**
     * The report's verdict; {@code humanText} (the report's first text part) helps to tell the cause
     * only when the recipient's block gives no Diagnostic-Code.
     */
    static Optional<Bounce> parse(String body, String humanText) {
        List<Map<String, String>> blocks = blocks(body);
        Bounce delayed = null;
        for (Map<String, String> b : blocks) {
            String action = b.getOrDefault("action", "").toLowerCase(Locale.ROOT).strip();
            String recipient = address(b.getOrDefault("final-recipient", b.get("original-recipient")));
            String diagnostic = b.get("diagnostic-code");
            String status = status(b.get("status"), diagnostic);
            if (action.startsWith("failed")) {
                return Optional.of(bounce(false, status, recipient, diagnostic, humanText));
            }
            if (action.startsWith("delayed") && delayed == null) {
                delayed = bounce(true, status, recipient, diagnostic, humanText);
            }
        }
        return Optional.ofNullable(delayed);
    }

    private static Bounce bounce(boolean delayed, String status, String recipient, String diagnostic, String humanText) {
        String code = status == null ? "4.0.0" : status;
        String words = diagnostic != null ? diagnostic : humanText;
        return new Bounce(delayed, code, recipient, clean(diagnostic),
                Refusals.cause(code, words, code.charAt(0) - '0'));
    }

    /**
     * The Status field's code, unless it is generic ({@code 5.0.0}, {@code 5.1.0}) and the diagnostic
     * (the receiver's own answer) gives a specific one; else the enhanced code in the diagnostic.
     */
    private static String status(String field, String diagnostic) {
        String fromField = first(field);
        String fromDiagnostic = specific(diagnostic);
        if (fromField != null && (fromDiagnostic == null || !generic(fromField))) {
            return fromField;
        }
        return fromDiagnostic != null ? fromDiagnostic : first(diagnostic);
    }

    private static String first(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(s);
        return m.find() ? m.group() : null;
    }

    /** The first code in {@code s} whose subject and detail are not 0, or null. */
    static String specific(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(s);
        while (m.find()) {
            if (!generic(m.group())) {
                return m.group();
            }
        }
        return null;
    }

    static boolean generic(String code) {
        return code.endsWith(".0") || code.matches("\\d\\.0\\..*");
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
