package se.utskick.register;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import se.utskick.UtskickException;

/**
 * Reads a register export in two passes, neither of which holds the file or its rows: {@link #check}
 * checks every line and keeps only what the import needs before it writes (the member numbers and
 * each association's first line and region); {@link #rows} reads the same file again and hands each
 * checked row on. Every problem in the file is collected; if there is any, an {@link ImportException}
 * lists them (at most {@link #KEPT} kept, with the total) and no row is handed on. Stateless apart
 * from the config; one instance may read many files, from any thread.
 */
final class ExportReader {
    /** At most this many line errors are kept in memory and in the exception; the total is always counted. */
    static final int KEPT = 1_000;
    private final RegisterConfig cfg;

    ExportReader(RegisterConfig cfg) {
        this.cfg = cfg;
    }

    /** The first line of an association in the file, its name as written there, and the first region given for it. */
    record AssociationSeen(int line, String name, Region region) {
    }

    /** What the check pass found in a file with no errors. */
    static final class Checked {
        final ExportFile file;
        final int lines;
        final Map<String, AssociationSeen> associations;
        private final byte[] digest;
        private Set<String> numbers;

        private Checked(ExportFile file, int lines, Map<String, AssociationSeen> associations, byte[] digest,
                        Set<String> numbers) {
            this.file = file;
            this.lines = lines;
            this.associations = associations;
            this.digest = digest;
            this.numbers = numbers;
        }

        /** The member numbers in the file; once only, so the set can be collected before the second pass. */
        Set<String> takeNumbers() {
            Set<String> n = numbers;
            numbers = null;
            return n;
        }
    }

    /** Takes each checked row of the second pass. */
    interface RowSink {
        void accept(ImportRow row) throws SQLException;
    }

    /** The first pass: checks every line; throws {@link ImportException} if any is bad. */
    Checked check(Path path, ImportOptions options) {
        ExportFile file = ExportFile.read(path, options.encoding().or(cfg::encoding), options.delimiter().or(cfg::delimiter));
        Map<String, AssociationSeen> associations = new LinkedHashMap<>();
        try {
            Pass pass = parse(path, file, options, row -> {
                if (row.association() != null) {
                    String key = row.association().toLowerCase(Locale.ROOT);
                    AssociationSeen seen = associations.putIfAbsent(key, new AssociationSeen(row.line(), row.association(), row.region()));
                    if (seen != null && seen.region() == null && row.region() != null) {
                        associations.put(key, new AssociationSeen(seen.line(), seen.name(), row.region()));
                    }
                }
            });
            return new Checked(file, pass.checks.lines(), associations, pass.digest, pass.checks.numbers());
        } catch (SQLException e) {
            throw new IllegalStateException("the check pass touches no database", e);
        }
    }

    /**
     * The second pass: hands every row of the file, in order, to {@code sink}. Throws
     * {@link ImportException} if the file now has bad lines, and {@link UtskickException} if it is no
     * longer the file {@link #check} read (the caller's transaction then rolls back).
     */
    void rows(Path path, Checked checked, ImportOptions options, RowSink sink) throws SQLException {
        Pass pass = parse(path, checked.file, options, sink);
        if (!Arrays.equals(pass.digest, checked.digest)) {
            throw new UtskickException("the file " + path + " changed while it was being imported; nothing was imported."
                    + " Import it again");
        }
    }

    private record Pass(LineChecks checks, byte[] digest) {
    }

    private Pass parse(Path path, ExportFile file, ImportOptions options, RowSink sink) throws SQLException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(file.delimiter()).get();
        // Neither setTrim nor setIgnoreSurroundingSpaces: they drop NUL, ESC, VT and other controls at a field's
        // edges unseen; LineChecks refuses those and strips plain spaces itself.
        List<LineError> errors = new ArrayList<>();
        int total = 0;
        int lastLine = 1;
        MessageDigest digest = sha256();
        LineChecks checks = null;
        LineCounter lines = null;
        try (Reader text = file.open(digest); LineCounter counter = new LineCounter(text);
             CSVParser parser = CSVParser.parse(counter, format)) {
            lines = counter;
            var records = parser.iterator();
            CSVRecord head = next(records, path, 1);
            if (head == null) {
                throw new ImportException(path, List.of(new LineError(1, "", "the file is empty; expected a header line")));
            }
            Map<Column, Integer> index = header(head, errors);
            if (!errors.isEmpty()) {
                throw new ImportException(path, errors);
            }
            checks = new LineChecks(cfg, index, head.size(), errors);
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord rec = next(records, path, (int) previousEnd + 1);
                if (rec == null) {
                    break;
                }
                int line = counter.lineAt(rec.getCharacterPosition());
                lastLine = line;
                previousEnd = parser.getCurrentLineNumber();
                int before = errors.size();
                ImportRow row = checks.row(rec, line);
                total += errors.size() - before;
                if (errors.size() > KEPT) {
                    errors.subList(KEPT, errors.size()).clear();
                }
                if (row != null && total == 0) {
                    sink.accept(row);
                }
            }
            if (total == 0 && checks.lines() == 0 && !options.allowEmpty()) {
                throw new ImportException(path, List.of(new LineError(2, "", "the file has a header but no member lines;"
                        + " a full import of it would mark every active member as left. That is never a normal import,"
                        + " and --allow-mass-leave does not allow it: if the register really is to be emptied, confirm that"
                        + " separately with --empty-register")));
            }
        } catch (IOException e) {
            errors.add(new LineError(0, "", "the file cannot be read as CSV: " + e.getMessage()));
            total++;
        }
        int end = lines == null ? '\n' : lines.last();
        if (lastLine > 1 && end != '\n' && end != '\r') {
            errors.add(0, new LineError(lastLine, "", "the file ends inside this line, without a line break: it looks cut"
                    + " off. Export it again; if the file is whole, end its last line with a line break"));
            total++;
        }
        if (total > 0) {
            throw new ImportException(path, errors, total);
        }
        return new Pass(checks, digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
