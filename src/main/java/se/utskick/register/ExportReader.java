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
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(file.delimiter()).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<LineError> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(file.text()), format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportException(path, List.of(new LineError(1, "", "the file is empty; expected a header line")));
            }
            Map<Column, Integer> index = header(records.next(), errors);
            if (!errors.isEmpty()) {
                throw new ImportException(path, errors);
            }
            LineChecks checks = new LineChecks(cfg, index, errors);
            long previousEnd = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord rec = records.next();
                int line = (int) previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                ImportRow row = checks.row(rec, line);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            errors.add(new LineError(0, "", "the file is not valid CSV: " + e.getMessage()
                    + " (a quote that is never closed?)"));
        }
        if (!errors.isEmpty()) {
            throw new ImportException(path, errors);
        }
        return new Parsed(file, rows);
    }

    private Map<Column, Integer> header(CSVRecord header, List<LineError> errors) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && positions.putIfAbsent(name, i) != null) {
                errors.add(new LineError(1, header.get(i), "the column appears twice in the header; keep one"));
            }
        }
        Map<Column, Integer> index = new EnumMap<>(Column.class);
        for (Column col : Column.values()) {
            Integer at = positions.get(cfg.header(col).toLowerCase(Locale.ROOT));
            if (at != null) {
                index.put(col, at);
            } else if (col.required) {
                errors.add(new LineError(1, cfg.header(col), "the header has no column '" + cfg.header(col)
                        + "'; it has " + header.toList() + ". Rename the column in the file, or map it with "
                        + col.configKey() + " in config/utskick.properties (or check --delimiter)"));
            }
        }
        return index;
    }
}
