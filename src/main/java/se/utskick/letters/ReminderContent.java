package se.utskick.letters;

import java.util.Map;

/**
 * What a REMINDER letter says beyond its letter fields: the data its templates see as
 * {@code reminder}, per association (the list of that association's members to correct) and for
 * recipients without one ({@code associationId} null: the ombudsman). Implemented by the reminders
 * feature; wired in the composition root.
 *
 * <p>Contract: plain maps, lists and strings only (templates reach no Java object); called once per
 * association when the letter is prepared, so it may query; thread-safe. The letters feature cleans
 * every string of slot markers before a template sees it.
 */
@FunctionalInterface
public interface ReminderContent {

    /** The content none: for wirings without reminders (tests of other features). */
    ReminderContent NONE = (letterId, associationId) -> Map.of();

    Map<String, Object> model(long letterId, Long associationId);
}
