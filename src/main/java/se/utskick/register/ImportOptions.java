package se.utskick.register;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * How to run one import.
 *
 * @param dryRun    compute and report the changes, write nothing
 * @param encoding  the file's encoding; empty = the configured one, else detected
 * @param delimiter the file's delimiter; empty = the configured one, else detected from the header
 * @param partial   the file lists only some members: members absent from it are not marked LEFT
 */
public record ImportOptions(boolean dryRun, Optional<Charset> encoding, Optional<Character> delimiter, boolean partial) {

    /** A full, applied import with detection. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, Optional.empty(), Optional.empty(), false);
    }

    public ImportOptions withDryRun(boolean on) {
        return new ImportOptions(on, encoding, delimiter, partial);
    }

    public ImportOptions withPartial(boolean on) {
        return new ImportOptions(dryRun, encoding, delimiter, on);
    }

    public ImportOptions withEncoding(Charset cs) {
        return new ImportOptions(dryRun, Optional.of(cs), delimiter, partial);
    }

    public ImportOptions withDelimiter(char d) {
        return new ImportOptions(dryRun, encoding, Optional.of(d), partial);
    }
}
