package se.utskick.register;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * How to run one import.
 *
 * @param dryRun         compute and report the changes, write nothing
 * @param encoding       the file's encoding; empty = the configured one, else detected
 * @param delimiter      the file's delimiter; empty = the configured one, else detected from the header
 * @param partial        the file lists only some members: members absent from it are not marked LEFT
 * @param allowMassLeave the operator confirmed that a full import may mark more than
 *                       {@code register.import.max-leave-percent} of the active members as LEFT
 * @param allowEmpty     the operator confirmed, separately from {@code allowMassLeave}, that a file
 *                       with no member lines is meant (it would mark every active member LEFT)
 */
public record ImportOptions(boolean dryRun, Optional<Charset> encoding, Optional<Character> delimiter, boolean partial,
                            boolean allowMassLeave, boolean allowEmpty) {

    /** A full, applied import with detection and no confirmations. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, Optional.empty(), Optional.empty(), false, false, false);
    }

    public ImportOptions withDryRun(boolean on) {
        return new ImportOptions(on, encoding, delimiter, partial, allowMassLeave, allowEmpty);
    }

    public ImportOptions withPartial(boolean on) {
        return new ImportOptions(dryRun, encoding, delimiter, on, allowMassLeave, allowEmpty);
    }

    public ImportOptions withEncoding(Charset cs) {
        return new ImportOptions(dryRun, Optional.of(cs), delimiter, partial, allowMassLeave, allowEmpty);
    }

    public ImportOptions withDelimiter(char d) {
        return new ImportOptions(dryRun, encoding, Optional.of(d), partial, allowMassLeave, allowEmpty);
    }

    /** Confirms a full import that marks more than the configured share of active members as LEFT. */
    public ImportOptions withAllowMassLeave(boolean on) {
        return new ImportOptions(dryRun, encoding, delimiter, partial, on, allowEmpty);
    }

    /** Confirms a file with no member lines (empties the register); {@link #withAllowMassLeave} does not. */
    public ImportOptions withAllowEmpty(boolean on) {
        return new ImportOptions(dryRun, encoding, delimiter, partial, allowMassLeave, on);
    }
}
