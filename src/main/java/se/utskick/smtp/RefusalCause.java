package se.utskick.smtp;

/** Why a receiving server refused a message, as far as its answer tells. */
public enum RefusalCause {
    /**
     * The recipient's address is bad: no such mailbox, no such domain, mailbox disabled (RFC 3463
     * 5.1.1, 5.1.2, 5.1.3, 5.1.6, 5.1.10, 5.2.1, 5.4.4; "user unknown"). The only cause that may mark
     * a member's address.
     */
    ADDRESS,
    /**
     * The receiver refused us, not the member: policy, authentication (SPF, DKIM, DMARC), reputation
     * and blocklists, content judged as spam, rate limits (class x.7.x), or our envelope sender
     * (5.1.7, 5.1.8). Never marks a member; the ombudsman must check the sending setup.
     */
    POLICY,
    /**
     * The mailbox cannot take mail now (full, over quota, temporarily unavailable), any 4.x.x, or a
     * permanent answer whose cause cannot be told: counted as a soft bounce, never marked at once.
     */
    TEMPORARY,
    /** The message itself was refused (too large, malformed, protocol: x.3.4, x.5.x, x.6.x): not the member's doing. */
    MESSAGE
}
