package se.utskick.replies;

/**
 * What a delivery report says about one recipient.
 *
 * @param status     the enhanced status code (RFC 3463), e.g. {@code 5.1.1}; {@code 4.0.0} when the
 *                   report gave none (an unreadable failure is treated as temporary, never as hard)
 * @param recipient  the failed address (Final-Recipient, else Original-Recipient, else guessed), or null
 * @param diagnostic the server's words (Diagnostic-Code or the line that gave the status), or null
 */
record Bounce(boolean delayed, String status, String recipient, String diagnostic) {

    boolean hard() {
        return !delayed && status.startsWith("5.");
    }

    MessageKind kind() {
        return delayed ? MessageKind.DELAYED : hard() ? MessageKind.HARD_BOUNCE : MessageKind.SOFT_BOUNCE;
    }
}
