package se.utskick.register;

import java.util.Locale;
import java.util.Optional;

/** The two regions of the district; stored as NORTH/SOUTH, shown as {@code Norr}/{@code Söder}. */
public enum Region {
    NORTH("Norr"),
    SOUTH("Söder");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    /** The Swedish word used in the register export and on the command line. */
    public String label() {
        return label;
    }

    /** Accepts the Swedish label or the enum name, any case. */
    public static Optional<Region> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Region r : values()) {
            if (r.label.toLowerCase(Locale.ROOT).equals(t) || r.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
