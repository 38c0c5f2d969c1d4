package se.utskick.replies;

/** What bounce handling needs from the register. Implemented over {@code register.Register} in the composition root. */
@FunctionalInterface
public interface AddressStatus {

    /**
     * Marks the member's address BOUNCED, with the reason, if it is still {@code expectedEmail}
     * (a member whose address was changed since the letter went out is left alone). Idempotent.
     *
     * @return true if this call marked it; false if it was already so, or the address no longer matches
     */
    boolean markBounced(long memberId, String expectedEmail, String reason);
}
