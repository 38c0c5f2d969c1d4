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

    /**
     * Marks the delivery {@code deliveryId} BLOCKED in the delivery log with the receiver's refusal
     * (a report that the receiver refused us: policy, authentication, reputation). The member's
     * address is never touched. Idempotent.
     *
     * @return true if this call changed the delivery; false if it was not SENT (already so, or bounced)
     */
    default boolean markBlocked(long deliveryId, String reason) {
        return false;
    }
}
