package se.utskick.replies;

/**
 * The members' letter subscription, as the register keeps it. Unsubscribing removes a member from
 * the members' letter only, never from letters sent because of a role. Both calls are idempotent.
 */
public interface Subscriptions {

    void unsubscribe(long memberId);

    void resubscribe(long memberId);
}
