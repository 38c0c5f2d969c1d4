package se.utskick.replies;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The excerpt of a reply: what the person wrote, without the history their mail program quoted.
 * Drops lines starting with {@code >}; cuts at the first attribution line ("Den 3 maj 2026 skrev
 * Anna:", "On Mon, 3 May 2026, Anna wrote:", also when the client wrapped it over two lines), at
 * Outlook's "-----Original Message-----" / "-----Ursprungligt meddelande-----", at an Outlook
 * header block ("Från:"/"From:" followed by "Skickat:"/"Sent:"), and at a signature ("-- ").
 */
final class QuoteStripper {
    static final int EXCERPT_LENGTH = 500;
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?i)^\\s*-{2,}\\s*(original message|ursprungligt meddelande|originalmeddelande|forwarded message|vidarebefordrat meddelande)\\s*-{2,}.*");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?is)^\\s*(?:(?:den|on|am|le)\\s.{1,300}|.{0,100}\\d.{0,200})\\s(?:skrev|wrote|schrieb|a écrit)(?:\\s.{0,200})?:\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(från|from)\\s*:\\*?\\s.*");
    private static final Pattern HEADER_SENT = Pattern.compile("(?i)^\\s*\\*?(skickat|sent|datum|date)\\s*:\\*?\\s.*");

    private QuoteStripper() {
    }

    /** The person's own words, shortened to {@link #EXCERPT_LENGTH} characters. */
    static String excerpt(String text) {
        String own = ownWords(text);
        String flat = own.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT_LENGTH ? flat : flat.substring(0, EXCERPT_LENGTH - 1).strip() + "…";
    }

    static String ownWords(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isCut(lines, i)) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                out.append(line).append('\n');
            }
        }
        return out.toString().strip();
    }

    private static boolean isCut(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.equals("-- ") || line.equals("--") || SEPARATOR.matcher(line).matches()
                || line.strip().matches("_{20,}") && i + 1 < lines.size() && HEADER_FROM.matcher(lines.get(i + 1)).matches()) {
            return true;
        }
        if (ATTRIBUTION.matcher(line).matches()
                || i + 1 < lines.size() && line.length() < 300 && startsAttribution(line)
                && ATTRIBUTION.matcher(line + " " + lines.get(i + 1)).matches()) {
            return true;
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                if (HEADER_SENT.matcher(lines.get(j)).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsAttribution(String line) {
        String l = line.stripLeading().toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("den ") || l.startsWith("on ") || l.startsWith("am ") || l.startsWith("le ");
    }
}
