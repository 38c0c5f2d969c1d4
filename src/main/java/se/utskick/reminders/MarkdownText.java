package se.utskick.reminders;

/** Register values written into a Markdown item: every ASCII punctuation character backslash-escaped (CommonMark §2.4). */
final class MarkdownText {
    private MarkdownText() {
    }

    static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.strip().codePoints().forEach(cp -> {
            if (cp < 128 && !Character.isLetterOrDigit(cp) && cp > 32) {
                b.append('\\');
            }
            b.appendCodePoint(cp == '\n' || cp == '\r' ? ' ' : cp);
        });
        return b.toString();
    }
}
