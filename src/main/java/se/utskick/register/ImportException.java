package se.utskick.register;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import se.utskick.UtskickException;

/**
 * A register export was refused; nothing was changed. Carries every bad line, not only the first,
 * so the whole file can be fixed in one go: the first {@link ExportReader#KEPT} errors in
 * {@link #errors}, and their {@link #total} count however many there are. The message's first line
 * is the summary with the total, then one line per error (at most {@link #SHOWN}).
 */
public class ImportException extends UtskickException {
    /** At most this many errors are listed in the message (all those kept are in {@link #errors}). */
    static final int SHOWN = 100;
    private final transient Path file;
    private final List<LineError> errors;
    private final int total;

    public ImportException(Path file, List<LineError> errors) {
        this(file, errors, errors.size());
    }

    /** @param total how many errors the file has; {@code errors} holds the first of them */
    public ImportException(Path file, List<LineError> errors, int total) {
        super(message(file, errors, Math.max(total, errors.size())));
        this.file = file;
        this.errors = List.copyOf(errors);
        this.total = Math.max(total, errors.size());
    }

    public Path file() {
        return file;
    }

    /** The errors kept, in the order of the file: all of them unless {@link #total} is larger. */
    public List<LineError> errors() {
        return errors;
    }

    /** How many errors the file has, kept or not. */
    public int total() {
        return total;
    }

    private static String message(Path file, List<LineError> errors, int total) {
        return file + ": " + total + (total == 1 ? " error" : " errors")
                + "; nothing was imported. Fix the file and import it again:\n"
                + errors.stream().limit(SHOWN).map(e -> "  " + e).collect(Collectors.joining("\n"))
                + (total > Math.min(SHOWN, errors.size()) ? "\n  ... and " + (total - Math.min(SHOWN, errors.size())) + " more" : "");
    }
}
