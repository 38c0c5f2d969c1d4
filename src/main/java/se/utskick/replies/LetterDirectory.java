package se.utskick.replies;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the feedback report needs from the letters and the delivery log. Implemented in the
 * composition root over the letters and delivery features.
 */
public interface LetterDirectory {

    /** The letter, or empty if there is none with this id. */
    Optional<Letter> letter(long letterId);

    /** The associations the letter's deliveries went to (those expected to answer), by name. */
    List<Association> associationsAddressed(long letterId);

    /** @param kind BOARD, MEMBERS, TARGETED or REMINDER; @param feedbackDeadline empty if no reply is asked for */
    record Letter(long id, String kind, String subject, Optional<LocalDate> feedbackDeadline) {
    }

    record Association(long id, String name) {
    }
}
