package se.utskick.replies;

import se.utskick.smtp.RefusalCause;

/**
 * What a delivery report says about one recipient.
 *
 * @param status     the enhanced status code (RFC 3463), e.g. {@code 5.1.1}; {@code 4.0.0} when the
 *                   report gave none (an unreadable failure is treated as temporary, never as hard)
 * @param recipient  the failed address (Final-Recipient, else Original-Recipient, else guessed), or null
 * @param diagnostic the server's words (Diagnostic-Code or the line that gave the status), or null
 * @param cause      why it failed, by {@link se.utskick.smtp.Refusals}: only ADDRESS is a hard bounce
 */
record Bounce(boolean delayed, String status, String recipient, String diagnostic, RefusalCause cause) {

    /** True when the report says that the address is bad: the only report that marks it at once. */
    boolean hard() {
        return !delayed && cause == RefusalCause.ADDRESS;
    }

    MessageKind kind() {
        if (delayed) {
            return MessageKind.DELAYED;
        }
        return switch (cause) {
            case ADDRESS -> MessageKind.HARD_BOUNCE;
            case POLICY -> MessageKind.BLOCKED;
            case TEMPORARY, MESSAGE -> MessageKind.SOFT_BOUNCE;
        };
    }
}
