package se.utskick.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * The quoted-printable encoding of a {@link BodyLayout}, prepared once: every run of whole lines of
 * fixed text is encoded here, and only the lines that hold a personal value are left to encode per
 * recipient. The result is byte for byte what {@link QuotedPrintable#encode} makes of the whole
 * filled text, because that encoder starts afresh (column 0, no look-ahead across) after each line
 * break, and the text is only cut just after a line break that cannot be the first half of a CRLF.
 * Immutable, thread-safe.
 */
final class EncodedLayout {
    /** Each step is either a {@code byte[]} (encoded fixed text) or a {@link Run}. */
    private final Object[] steps;
    private final int fixedBytes;

    private EncodedLayout(Object[] steps) {
        this.steps = steps;
        int n = 0;
        for (Object s : steps) {
            n += s instanceof byte[] b ? b.length : 0;
        }
        this.fixedBytes = n;
    }

    static EncodedLayout of(String[] literals, int[] slots) {
        List<Object> steps = new ArrayList<>();
        Run.Builder run = new Run.Builder();
        for (int i = 0; i < literals.length; i++) {
            String lit = literals[i];
            int first = firstCut(lit);
            if (first < 0) {
                run.literal(lit);
            } else {
                int last = lastCut(lit);
                run.literal(lit.substring(0, first));
                run.flushInto(steps);
                if (last > first) {
                    steps.add(encode(lit.substring(first, last)));
                }
                run.literal(lit.substring(last));
            }
            if (i < slots.length) {
                run.slot(slots[i]);
            }
        }
        run.flushInto(steps);
        return new EncodedLayout(steps.toArray());
    }

    /** Appends the encoding of the layout filled with {@code values}. */
    void encode(String[] values, MessageBytes out) {
        for (Object s : steps) {
            if (s instanceof byte[] b) {
                out.bytes(b);
            } else {
                QuotedPrintable.encode(((Run) s).text(values), out);
            }
        }
    }

    /** Bytes of the encoded fixed text: a lower bound of the encoded length. */
    int fixedBytes() {
        return fixedBytes;
    }

    private static byte[] encode(String text) {
        MessageBytes b = new MessageBytes(text.length() * 3 / 2 + 16);
        QuotedPrintable.encode(text, b);
        return b.toByteArray();
    }

    /** Position just after the first line break of {@code s} that can be cut after, or -1. */
    static int firstCut(String s) {
        for (int p = 1; p <= s.length(); p++) {
            if (cutAt(s, p)) {
                return p;
            }
        }
        return -1;
    }

    static int lastCut(String s) {
        for (int p = s.length(); p >= 1; p--) {
            if (cutAt(s, p)) {
                return p;
            }
        }
        return -1;
    }

    /** After LF; or after CR when the next char is known (within {@code s}) not to be LF. */
    private static boolean cutAt(String s, int p) {
        char c = s.charAt(p - 1);
        return c == '\n' || c == '\r' && p < s.length() && s.charAt(p) != '\n';
    }

    /** Text encoded per recipient: fixed pieces around values, starting at a line start. */
    private record Run(String[] literals, int[] slots) {
        String text(String[] values) {
            StringBuilder b = new StringBuilder(128);
            for (int i = 0; i < slots.length; i++) {
                b.append(literals[i]).append(values[slots[i]]);
            }
            return b.append(literals[slots.length]).toString();
        }

        private static final class Builder {
            private final List<String> literals = new ArrayList<>();
            private final List<Integer> slots = new ArrayList<>();
            private StringBuilder current = new StringBuilder();

            void literal(String s) {
                current.append(s);
            }

            void slot(int slot) {
                literals.add(current.toString());
                slots.add(slot);
                current = new StringBuilder();
            }

            /** Ends the run: fixed text alone is encoded now, text with values becomes a {@link Run}. */
            void flushInto(List<Object> steps) {
                literals.add(current.toString());
                if (slots.isEmpty()) {
                    if (!literals.getFirst().isEmpty()) {
                        steps.add(encode(literals.getFirst()));
                    }
                } else {
                    steps.add(new Run(literals.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray()));
                }
                literals.clear();
                slots.clear();
                current = new StringBuilder();
            }
        }
    }
}
