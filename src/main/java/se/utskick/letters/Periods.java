package se.utskick.letters;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The month a monthly letter belongs to: parsed from {@code YYYY-MM}, shown in Swedish ("mars 2026"). */
final class Periods {
    static final Locale SWEDISH = Locale.of("sv", "SE");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("LLLL yyyy", SWEDISH);

    private Periods() {
    }

    static YearMonth parse(String typed) {
        try {
            if (typed == null || !typed.strip().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("shape", String.valueOf(typed), 0);
            }
            return YearMonth.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new LetterException("period '" + typed + "' is not a month; write YYYY-MM, e.g. 2026-03");
        }
    }

    static String shown(YearMonth period) {
        return SHOWN.format(period);
    }
}
