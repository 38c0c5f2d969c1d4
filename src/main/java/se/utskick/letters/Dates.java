package se.utskick.letters;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a Swedish reader writes them in running text: "19 februari 2026". */
public final class Dates {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

    private Dates() {
    }

    public static String shown(LocalDate d) {
        return d == null ? "" : LONG.format(d);
    }
}
