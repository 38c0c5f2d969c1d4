package se.utskick.letters;

import java.util.ArrayList;
import java.util.List;
import se.utskick.delivery.BodyLayout;

/**
 * A rendered part with holes: the literal text around the recipient's personal values. A letter is
 * rendered once per association with a marker in place of each personal value ({@link #slot}); the
 * markers are private-use characters that no escaping or letter content changes (content is cleaned
 * of them). The literals and holes are delivery's {@link BodyLayout}: filling it is a few string
 * appends, and delivery encodes the literals once per layout, which is what makes per-recipient
 * composition cheap. Immutable, thread-safe.
 */
final class Stitch {
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private final BodyLayout layout;

    private Stitch(BodyLayout layout) {
        this.layout = layout;
    }

    /** The marker of personal value number {@code i} (0..9). */
    static String slot(int i) {
        return "" + OPEN + (char) ('0' + i) + CLOSE;
    }

    /** Removes marker characters from content, so that letter text can never fake a slot. */
    static String clean(String s) {
        return s == null ? null : s.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }

    static Stitch of(String rendered) {
        List<String> lits = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        int from = 0;
        int search = 0;
        while (true) {
            int i = rendered.indexOf(OPEN, search);
            if (i < 0 || i + 2 >= rendered.length()) {
                break;
            }
            if (rendered.charAt(i + 2) == CLOSE && Character.isDigit(rendered.charAt(i + 1))) {
                lits.add(rendered.substring(from, i));
                slots.add(rendered.charAt(i + 1) - '0');
                from = i + 3;
                search = from;
            } else {
                search = i + 1;
            }
        }
        lits.add(rendered.substring(from));
        return new Stitch(BodyLayout.of(lits, slots.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Whether the part prints personal value number {@code slot} somewhere. */
    boolean uses(int slot) {
        return layout.uses(slot);
    }

    /** The part for one recipient: every hole filled with {@code values[slot]} (already escaped for the part). */
    BodyLayout.Body body(String[] values) {
        return layout.fill(values);
    }

    /** The whole text of {@link #body}. */
    String fill(String[] values) {
        return body(values).toString();
    }

    /** HTML escaping exactly as FreeMarker's HTML output format does it. */
    static String escapeHtml(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            String rep = switch (s.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (rep != null) {
                    b.append(rep);
                } else {
                    b.append(s.charAt(i));
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
