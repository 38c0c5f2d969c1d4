package se.utskick.letters;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a Swedish reader writes them in running text: "19 februari 2026", "mars 2026". */
public final class Dates {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

    private Dates() {
    }

    public static String shown(LocalDate d) {
        return d == null ? "" : LONG.format(d);
    }

    /** A letter's month as a reader writes it: "mars 2026"; "" for none. */
    public static String shown(java.time.YearMonth period) {
        return period == null ? "" : Periods.shown(period);
    }
}
