package se.utskick.replies;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text from an HTML-only reply, for the log and the excerpt. The result is text, never markup:
 * script, style and head are dropped with their content, every other tag is removed, entities are
 * decoded, and whatever shows it must escape it again (the CLI prints it, a web page must escape).
 */
final class HtmlText {
    private static final Pattern DROPPED = Pattern.compile(
            "(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAKS = Pattern.compile(
            "(?i)<(br|/p|/div|/li|/tr|/h[1-6]|/blockquote|hr)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]{0,2000}>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
            "aring", "å", "auml", "ä", "ouml", "ö");
    private static final Map<String, String> NAMED_UPPER = Map.of("Aring", "Å", "Auml", "Ä", "Ouml", "Ö");

    private HtmlText() {
    }

    static String of(String html) {
        String s = html.length() > MailParts.MAX_TEXT ? html.substring(0, MailParts.MAX_TEXT) : html;
        s = DROPPED.matcher(s).replaceAll(" ");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll("");
        s = s.replace("<", "");
        s = decode(s);
        return s.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n ?", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return codePoint(Integer.parseInt(name.substring(2), 16), whole);
            }
            if (name.startsWith("#")) {
                return codePoint(Integer.parseInt(name.substring(1)), whole);
            }
        } catch (NumberFormatException e) {
            return whole;
        }
        String v = NAMED.get(name);
        if (v == null) {
            v = NAMED_UPPER.get(name);
        }
        return v == null ? whole : v;
    }

    private static String codePoint(int cp, String whole) {
        if (!Character.isValidCodePoint(cp) || cp == 0 || Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
            return whole;
        }
        return new String(Character.toChars(cp));
    }
}
