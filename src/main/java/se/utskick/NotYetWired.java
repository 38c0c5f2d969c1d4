package se.utskick;

import java.util.List;
import java.util.Optional;
import se.utskick.replies.LetterDirectory;

/**
 * Stand-ins for what the replies feature needs from features not merged yet: the letters feature
 * (a letter's kind, subject, deadline and the associations it went to) and a register lookup by
 * member number. Each call fails saying so. The reply log itself (listing, showing) works without.
 */
final class NotYetWired implements LetterDirectory {

    private static UtskickException missing(String what) {
        return new UtskickException(what + " is not wired into this build yet (Utskick.NotYetWired)");
    }

    /** BOARD, MEMBERS, TARGETED or REMINDER: from the letters feature. */
    String letterKind(long letterId) {
        throw missing("the letters feature (the kind of letter " + letterId + ")");
    }

    @Override
    public Optional<Letter> letter(long letterId) {
        throw missing("the letters feature");
    }

    @Override
    public List<Association> associationsAddressed(long letterId) {
        throw missing("the letters feature");
    }

    /** Needs {@code Register.memberIdByNumber(String)}. */
    Optional<Long> byNumber(String memberNumber) {
        throw missing("finding a member by number in the register");
    }
}
