package se.utskick.register;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** The checks of each line of one export; remembers member numbers and association regions across lines. Not thread-safe. */
final class LineChecks {
    private final RegisterConfig cfg;
    private final Map<Column, Integer> index;
    private final List<LineError> errors;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, RegionSeen> regions = new HashMap<>();
    private final int expected;
    private final Map<Integer, Column> known = new HashMap<>();
    private int lines;

    private record RegionSeen(Region region, int line) {
    }

    /** @param headerSize the number of columns in the header; every line must have as many fields */
    LineChecks(RegisterConfig cfg, Map<Column, Integer> index, int headerSize, List<LineError> errors) {
        this.cfg = cfg;
        this.index = index;
        this.errors = errors;
        this.expected = headerSize;
        index.forEach((col, at) -> known.put(at, col));
    }

    /** How many member lines were checked. */
    int lines() {
        return lines;
    }

    /** The member numbers of the lines checked so far (a view, not a copy). */
    java.util.Set<String> numbers() {
        return numbers.keySet();
    }

    /** The checked row of one line, or null if the line has errors (added to the list). */
    ImportRow row(CSVRecord rec, int line) {
        lines++;
        int before = errors.size();
        if (rec.size() < expected || rec.size() > expected && !extraFieldsEmpty(rec)) {
            errors.add(new LineError(line, "", "has " + rec.size() + " fields but the header has " + expected
                    + (rec.size() < expected ? "; the line is cut short, or lacks a delimiter"
                    : "; a value holds the delimiter without quotes, or there is a stray delimiter")));
            return null;
        }
        for (int i = 0; i < rec.size(); i++) {
            Column col = known.get(i);
            int at = i;
            FieldText.problem(rec.get(i), col == null).ifPresent(p -> errors.add(new LineError(line,
                    col == null ? "column " + (at + 1) : cfg.header(col), p)));
            String v = rec.get(i).strip();
            if (col != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") && !rec.get(i).equals(v)) {
                errors.add(new LineError(line, cfg.header(col), "a quoted value with spaces outside its quotes; remove"
                        + " the spaces between the delimiter and the quotes"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        String number = required(rec, line, Column.MEMBER_NUMBER, 32, "every member needs their member number");
        if (number != null && number.chars().anyMatch(Character::isWhitespace)) {
            error(line, Column.MEMBER_NUMBER, "contains a space; a member number is one word");
        } else if (number != null) {
            Integer first = numbers.putIfAbsent(number, line);
            if (first != null) {
                error(line, Column.MEMBER_NUMBER, "the same member number as line " + first + "; list each member once");
            }
        }
        String first = required(rec, line, Column.FIRST_NAME, 100, "write the member's first name");
        String last = required(rec, line, Column.LAST_NAME, 100, "write the member's last name");
        EmailCheck email = EmailCheck.of(value(rec, Column.EMAIL));
        String phone = optional(rec, line, Column.PHONE, 40);
        String association = optional(rec, line, Column.ASSOCIATION, 200);
        Region region = region(rec, line, association);
        LocalDate joined = joined(rec, line);
        Set<RoleAssignment> roles = roles(rec, line, association);
        return errors.size() > before ? null
                : new ImportRow(line, number, first, last, email, phone, association, region, joined, roles);
    }

    private boolean extraFieldsEmpty(CSVRecord rec) {
        for (int i = expected; i < rec.size(); i++) {
            if (!rec.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private Region region(CSVRecord rec, int line, String association) {
        String text = value(rec, Column.REGION);
        if (text.isEmpty()) {
            return null;
        }
        Region region = Region.parse(text).orElse(null);
        if (region == null) {
            error(line, Column.REGION, "'" + FieldText.shown(text) + "' is not a region; write " + Region.NORTH.label() + " or " + Region.SOUTH.label());
            return null;
        }
        if (association == null) {
            return region;
        }
        RegionSeen seen = regions.putIfAbsent(association.toLowerCase(Locale.ROOT), new RegionSeen(region, line));
        if (seen != null && seen.region() != region) {
            error(line, Column.REGION, "'" + FieldText.shown(text) + "' contradicts line " + seen.line() + ", which puts the association in "
                    + seen.region().label() + "; an association is in one region");
        }
        return region;
    }

    private LocalDate joined(CSVRecord rec, int line) {
        String text = value(rec, Column.JOINED);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, cfg.dateFormat());
        } catch (DateTimeParseException e) {
            error(line, Column.JOINED, "'" + FieldText.shown(text) + "' is not a date in the form " + cfg.datePattern()
                    + " (register.date-format)");
            return null;
        }
    }

    private Set<RoleAssignment> roles(CSVRecord rec, int line, String association) {
        try {
            Set<RoleAssignment> roles = RoleAssignment.parseColumn(value(rec, Column.ROLES));
            if (association == null && roles.stream().anyMatch(r -> !r.role().districtLevel())) {
                error(line, Column.ROLES, "an association role needs an association, but the column "
                        + cfg.header(Column.ASSOCIATION) + " is empty");
            }
            return roles;
        } catch (IllegalArgumentException e) {
            error(line, Column.ROLES, e.getMessage());
            return Set.of();
        }
    }

    private String required(CSVRecord rec, int line, Column col, int max, String fix) {
        String v = value(rec, col);
        if (v.isEmpty()) {
            error(line, col, "is empty; " + fix);
            return null;
        }
        return limited(v, line, col, max);
    }

    private String optional(CSVRecord rec, int line, Column col, int max) {
        String v = value(rec, col);
        return v.isEmpty() ? null : limited(v, line, col, max);
    }

    private String limited(String v, int line, Column col, int max) {
        if (v.length() > max) {
            error(line, col, "is " + v.length() + " characters long; at most " + max + " fit");
            return null;
        }
        return v;
    }

    private String value(CSVRecord rec, Column col) {
        Integer at = index.get(col);
        return at == null || at >= rec.size() ? "" : rec.get(at).strip();
    }

    private void error(int line, Column col, String problem) {
        errors.add(new LineError(line, cfg.header(col), problem));
    }
}
