package se.utskick;

import java.util.Optional;

/**
 * Stand-ins for what the replies feature needs from the register and has no method for yet: a
 * member by number ({@code resubscribe}) and an association's name (the feedback table).
 */
final class NotYetWired {

    /** Needs {@code Register.memberIdByNumber(String)}; fails saying so. */
    Optional<Long> byNumber(String memberNumber) {
        throw new UtskickException("finding a member by number in the register is not wired into this build yet"
                + " (Utskick.NotYetWired)");
    }

    /** Needs a register lookup of association names by id; until then the id is shown. */
    static String associationName(long associationId) {
        return "association " + associationId;
    }
}
