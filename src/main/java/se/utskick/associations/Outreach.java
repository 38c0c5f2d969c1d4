package se.utskick.associations;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The outreach tally of one calendar year: per association, its approved outward-facing events
 * (those sent in from its page with an outward kind, starting in the year) against the goal, and
 * the pace: by day {@code d} of a year of {@code n} days an association on track has at least
 * {@code floor(goal × d / n)} (the whole goal for a past year, none for a future one).
 */
public record Outreach(int year, int goal, int expectedByNow, List<Row> rows) {

    /** One association's year. Getters for the templates. */
    public record Row(long associationId, String name, int approved, int goal, int expectedByNow) {
        public boolean onTrack() {
            return approved >= expectedByNow;
        }

        public boolean reached() {
            return approved >= goal;
        }
    }

    static Outreach of(int year, int goal, LocalDate today, Map<Long, String> associations, Map<Long, Integer> counts) {
        int expected = expected(year, goal, today);
        List<Row> rows = associations.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), 0), goal, expected))
                .sorted(Comparator.comparing(Row::name)).toList();
        return new Outreach(year, goal, expected, rows);
    }

    static int expected(int year, int goal, LocalDate today) {
        if (year < today.getYear()) {
            return goal;
        }
        if (year > today.getYear()) {
            return 0;
        }
        return (int) Math.floor((double) goal * today.getDayOfYear() / Year.of(year).length());
    }

    /** The associations below the pace. */
    public List<Row> behind() {
        return rows.stream().filter(r -> !r.onTrack()).toList();
    }

    /** The associations below the pace as CSV (semicolon, UTF-8, CRLF, header line): what the staff page exports. */
    public String behindCsv() {
        StringBuilder sb = new StringBuilder("förening;år;godkända utåtriktade;förväntat hittills;mål\r\n");
        for (Row r : behind()) {
            sb.append(csv(r.name())).append(';').append(year).append(';').append(r.approved()).append(';')
                    .append(r.expectedByNow()).append(';').append(r.goal()).append("\r\n");
        }
        return sb.toString();
    }

    /** A CSV field, quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
    static String csv(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
