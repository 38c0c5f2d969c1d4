package se.utskick.delivery;

import java.util.List;

/**
 * A message body as fixed text with holes for personal values: {@code literal[0] value[slot[0]]
 * literal[1] … value[slot[n-1]] literal[n]}. A composer makes one per variant of a letter (the same
 * for many recipients) and {@link #fill fills} it per recipient. Delivery keeps the
 * quoted-printable encoding of the fixed text here, made on first use, so each recipient costs only
 * the encoding of the lines that hold their values. Immutable, thread-safe.
 */
public final class BodyLayout {
    private final String[] literals;
    private final int[] slots;
    private final int length;
    /** Made on first use; racing threads may each make one, all equal. */
    private volatile EncodedLayout encoded;

    private BodyLayout(String[] literals, int[] slots) {
        if (literals.length != slots.length + 1) {
            throw new IllegalArgumentException(literals.length + " literals around " + slots.length + " holes");
        }
        int n = 0;
        for (String l : literals) {
            n += l.length();
        }
        this.literals = literals;
        this.slots = slots;
        this.length = n;
    }

    /**
     * @param literals the fixed text around the holes, one more than {@code slots}
     * @param slots    for each hole, the index of the value printed there (a value may appear many times or not at all)
     */
    public static BodyLayout of(List<String> literals, int[] slots) {
        return new BodyLayout(literals.toArray(String[]::new), slots.clone());
    }

    /** A body without personal values. */
    public static BodyLayout fixed(String text) {
        return new BodyLayout(new String[] {text}, new int[0]);
    }

    /** This body for one recipient; {@code values} are indexed by slot number and already escaped for the part. */
    public Body fill(String... values) {
        for (int s : slots) {
            if (s >= values.length) {
                throw new IllegalArgumentException("no value for hole " + s + " (" + values.length + " values)");
            }
        }
        return new Body(this, values.clone());
    }

    /** Whether the body prints value number {@code slot} somewhere. */
    public boolean uses(int slot) {
        for (int s : slots) {
            if (s == slot) {
                return true;
            }
        }
        return false;
    }

    String text(String[] values) {
        StringBuilder b = new StringBuilder(length + 64 * slots.length);
        for (int i = 0; i < slots.length; i++) {
            b.append(literals[i]).append(values[slots[i]]);
        }
        return b.append(literals[slots.length]).toString();
    }

    /** Length of the fixed text, in chars. */
    int fixedLength() {
        return length;
    }

    EncodedLayout encoded() {
        EncodedLayout e = encoded;
        if (e == null) {
            e = EncodedLayout.of(literals, slots);
            encoded = e;
        }
        return e;
    }

    /** A {@link BodyLayout} filled for one recipient. Immutable; equality is by the whole text. */
    public static final class Body {
        private final BodyLayout layout;
        private final String[] values;

        private Body(BodyLayout layout, String[] values) {
            this.layout = layout;
            this.values = values;
        }

        BodyLayout layout() {
            return layout;
        }

        String[] values() {
            return values;
        }

        /** The whole text. */
        @Override
        public String toString() {
            return layout.text(values);
        }

        /** Bodies are equal when their whole texts are, however they were laid out. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && toString().equals(b.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }
}
