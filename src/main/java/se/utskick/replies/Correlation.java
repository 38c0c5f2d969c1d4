package se.utskick.replies;

/** How an incoming message was tied to what we sent, strongest first. Stored in {@code inbound_message.correlation}. */
public enum Correlation {
    /** A valid signed token in the address it was sent to ({@code reply+}, {@code bounce+}, {@code unsubscribe+}). */
    TOKEN,
    /** One of our Message-IDs in In-Reply-To or References, or in the headers a bounce returns. */
    MESSAGE_ID,
    /**
     * Only the sender's (or a bounce's failed recipient's) address, matched to a member: no letter
     * known, and no proof either (a From or a report is easy to forge), so nothing is changed by it.
     */
    ADDRESS,
    /** Nothing matched: shown to the ombudsman as is. */
    UNMATCHED
}
