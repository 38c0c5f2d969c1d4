package se.utskick.replies;

/** What an incoming message is. Stored as the same words in {@code inbound_message.kind}. */
public enum MessageKind {
    /** Written by a person; a reply to a board letter is that association's feedback. */
    REPLY,
    /** Out-of-office and other automatic answers: logged, never feedback. */
    AUTO_REPLY,
    /** Permanent failure because the address is bad (5.1.1, 5.1.10, 5.2.1, 5.4.4, "user unknown"): the address is marked BOUNCED at once. */
    HARD_BOUNCE,
    /** Mailbox full, 4.x.x reported as final, or a permanent failure of unclear cause: scored, BOUNCED past the threshold. */
    SOFT_BOUNCE,
    /** A "still trying" notice ({@code Action: delayed}): not a failure, only logged. */
    DELAYED,
    /** A mail to {@code unsubscribe+TOKEN@}: unsubscribes from the members' letter. */
    UNSUBSCRIBE,
    /** The receiver refused us (5.7.x policy, authentication, reputation, content, rate): the delivery is BLOCKED, the member never marked. */
    BLOCKED,
    /** A spam complaint (ARF, RFC 5965, or a provider's feedback loop): unsubscribes from the members' letter; never feedback. */
    COMPLAINT
}
