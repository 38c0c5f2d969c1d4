package se.utskick.register;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import se.utskick.UtskickException;

/**
 * A register export was refused; nothing was changed. Carries every bad line, not only the first,
 * so the whole file can be fixed in one go. The message's first line is the summary, then one
 * line per error.
 */
public class ImportException extends UtskickException {
    /** At most this many errors are listed in the message (all are in {@link #errors}). */
    static final int SHOWN = 100;
    private final transient Path file;
    private final List<LineError> errors;

    public ImportException(Path file, List<LineError> errors) {
        super(message(file, errors));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public Path file() {
        return file;
    }

    public List<LineError> errors() {
        return errors;
    }

    private static String message(Path file, List<LineError> errors) {
        return file + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "; nothing was imported. Fix the file and import it again:\n"
                + errors.stream().limit(SHOWN).map(e -> "  " + e).collect(Collectors.joining("\n"))
                + (errors.size() > SHOWN ? "\n  ... and " + (errors.size() - SHOWN) + " more" : "");
    }
}
