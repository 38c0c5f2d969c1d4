package se.utskick.register;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a register export into checked rows. Every problem in the file is collected; if there is
 * any, an {@link ImportException} lists them all and no row is returned. Stateless apart from the
 * config; one instance may read many files, from any thread.
 */
final class ExportReader {
    private final RegisterConfig cfg;

    ExportReader(RegisterConfig cfg) {
        this.cfg = cfg;
    }

    record Parsed(ExportFile file, List<ImportRow> rows) {
    }

    Parsed read(Path path, ImportOptions options) {
        ExportFile file = ExportFile.read(path, options.encoding().or(cfg::encoding), options.delimiter().or(cfg::delimiter));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(file.delimiter()).get();
        // Neither setTrim nor setIgnoreSurroundingSpaces: they drop NUL, ESC, VT and other controls at a field's
        // edges unseen; LineChecks refuses those and strips plain spaces itself.
        List<LineError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        int lastLine = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(file.text()), format)) {
            var records = parser.iterator();
            CSVRecord head = next(records, path, 1);
            if (head == null) {
                throw new ImportException(path, List.of(new LineError(1, "", "the file is empty; expected a header line")));
            }
            Map<Column, Integer> index = header(head, errors);
            if (!errors.isEmpty()) {
                throw new ImportException(path, errors);
            }
            LineChecks checks = new LineChecks(cfg, index, head.size(), errors);
            long previousEnd = parser.getCurrentLineNumber();
            Lines lines = new Lines(file.text());
            while (true) {
                CSVRecord rec = next(records, path, (int) previousEnd + 1);
                if (rec == null) {
                    break;
                }
                int line = lines.at(rec.getCharacterPosition());
                lastLine = line;
                previousEnd = parser.getCurrentLineNumber();
                ImportRow row = checks.row(rec, line);
                if (row != null) {
                    rows.add(row);
                }
            }
            if (errors.isEmpty() && checks.lines() == 0 && !options.allowEmpty()) {
                throw new ImportException(path, List.of(new LineError(2, "", "the file has a header but no member lines;"
                        + " a full import of it would mark every active member as left. That is never a normal import,"
                        + " and --allow-mass-leave does not allow it: if the register really is to be emptied, confirm that"
                        + " separately with --empty-register")));
            }
        } catch (IOException e) {
            errors.add(new LineError(0, "", "the file cannot be read as CSV: " + e.getMessage()));
        }
        String text = file.text();
        char end = text.charAt(text.length() - 1);
        if (lastLine > 1 && end != '\n' && end != '\r') {
            errors.add(0, new LineError(lastLine, "", "the file ends inside this line, without a line break: it looks cut"
                    + " off. Export it again; if the file is whole, end its last line with a line break"));
        }
        if (!errors.isEmpty()) {
            throw new ImportException(path, errors);
        }
        return new Parsed(file, rows);
    }

    /** The line of a character position, for positions that only grow (one pass over the text). */
    private static final class Lines {
        private final String text;
        private int pos;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int at(long position) {
            for (; pos < position && pos < text.length(); pos++) {
                char ch = text.charAt(pos);
                if (ch == '\n' || ch == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n')) {
                    line++;
                }
            }
            return line;
        }
    }

    /** The next record, null at the end; a quote never closed is refused naming the line it opened on. */
    private static CSVRecord next(java.util.Iterator<CSVRecord> records, Path path, int line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            String why = String.valueOf(e.getMessage());
            throw new ImportException(path, List.of(new LineError(line, "", why.contains("EOF")
                    ? "a quoted field that starts on this line is never closed (the file is cut off, or a value starts"
                    + " with a stray '\"')"
                    : "a quoted field on this line has text after its closing quote; inside quotes write a quote as"
                    + " '\"\"' (CSV parser: " + FieldText.shown(why) + ")")));
        }
    }

    private Map<Column, Integer> header(CSVRecord header, List<LineError> errors) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            int at = i;
            FieldText.problem(header.get(i), false).ifPresent(p -> errors.add(new LineError(1, "column " + (at + 1), p
                    .replace("in a register export", "in the header"))));
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && positions.putIfAbsent(name, i) != null) {
                errors.add(new LineError(1, FieldText.shown(header.get(i)), "the column appears twice in the header (columns "
                        + (positions.get(name) + 1) + " and " + (i + 1) + "); keep one"));
            }
        }
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (Column col : Column.values()) {
            Integer at = positions.get(cfg.header(col).toLowerCase(Locale.ROOT));
            if (at != null) {
                index.put(col, at);
            } else if (col.required) {
                errors.add(new LineError(1, cfg.header(col), "the header has no column '" + cfg.header(col)
                        + "'; it has " + header.toList().stream().map(FieldText::shown).toList() + ". Rename the column in the file, or map it with "
                        + col.configKey() + " in config/utskick.properties (or check --delimiter)"));
            }
        }
        return index;
    }
}
