package se.utskick.replies;

/**
 * What bounce handling needs to record a bounce: the delivery that bounced, and the register's
 * address. Implemented over the delivery log and {@code register.Register} in the composition root.
 */
@FunctionalInterface
public interface AddressStatus {

    /**
     * Marks the delivery {@code deliveryId} BOUNCED in the delivery log, and the member's address BOUNCED, with the reason, if it is still {@code expectedEmail}
     * (a member whose address was changed since the letter went out is left alone). Idempotent.
     *
     * @return true if this call marked the address; false if it was already so, or the address no longer matches
     */
    boolean markBounced(long deliveryId, long memberId, String expectedEmail, String reason);
}
