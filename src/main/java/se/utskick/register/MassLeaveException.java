package se.utskick.register;

import java.util.Locale;
import se.utskick.UtskickException;

/**
 * A full import was refused because it would mark more than {@code register.import.max-leave-percent}
 * of the active members as LEFT, and the operator had not confirmed it
 * ({@link ImportOptions#withAllowMassLeave}); nothing was changed. Carries the numbers, so the web
 * interface can say them in Swedish.
 */
public class MassLeaveException extends UtskickException {
    private final int wouldLeave;
    private final int active;
    private final int thresholdPercent;

    public MassLeaveException(int wouldLeave, int active, int thresholdPercent) {
        super(String.format(Locale.ROOT, "the import would mark %d of %d active members as left (%.1f%%), more than"
                + " register.import.max-leave-percent (%d%%) allows; nothing was imported. Is the file a complete export"
                + " (not cut off, not one association's)? If so many members really left, import it again with"
                + " --allow-mass-leave; for a file that lists only some members, use --partial",
                wouldLeave, active, active == 0 ? 0.0 : 100.0 * wouldLeave / active, thresholdPercent));
        this.wouldLeave = wouldLeave;
        this.active = active;
        this.thresholdPercent = thresholdPercent;
    }

    /** Active members the import would have marked LEFT. */
    public int wouldLeave() {
        return wouldLeave;
    }

    /** Active members in the register before the import. */
    public int active() {
        return active;
    }

    public int thresholdPercent() {
        return thresholdPercent;
    }
}
