package se.utskick.replies;

/** What an incoming message is. Stored as the same words in {@code inbound_message.kind}. */
public enum MessageKind {
    /** Written by a person; a reply to a board letter is that association's feedback. */
    REPLY,
    /** Out-of-office and other automatic answers: logged, never feedback. */
    AUTO_REPLY,
    /** Permanent failure (status 5.x.x): the address is marked BOUNCED at once. */
    HARD_BOUNCE,
    /** Temporary failure (status 4.x.x) reported as final: scored, BOUNCED past the threshold. */
    SOFT_BOUNCE,
    /** A "still trying" notice ({@code Action: delayed}): not a failure, only logged. */
    DELAYED,
    /** A mail to {@code unsubscribe+TOKEN@}: unsubscribes from the members' letter. */
    UNSUBSCRIBE
}
