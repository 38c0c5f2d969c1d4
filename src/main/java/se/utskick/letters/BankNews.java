package se.utskick.letters;

import java.time.Instant;
import java.util.List;

/**
 * The material bank as the members' letter and the board letter need it: what was approved after
 * a moment (the approval of the last letter of the same kind). Implemented by the associations
 * feature; wired in the composition root, so that letters does not depend on associations.
 *
 * <p>Contract: newest first, at most {@code limit} items; {@code after} null means no earlier
 * letter (then the newest approved material); thread-safe; may query.
 */
@FunctionalInterface
public interface BankNews {

    /** No bank: for wirings without the associations feature (tests of other features). */
    BankNews NONE = (after, limit) -> List.of();

    List<Item> approvedAfter(Instant after, int limit);

    /**
     * One item: {@code kind} the stored code (DEBATTARTIKEL, MOTION, FLYGBLAD, ANNAT; the templates
     * say it in Swedish), {@code association} null for the district's own material.
     */
    record Item(String title, String kind, String association) {
    }
}
