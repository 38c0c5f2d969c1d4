package se.utskick.delivery;

/**
 * A pause a sender made by itself: its cause and the technical reason (the exception's message, or
 * the relay's reply), which is shown as it is under a sentence that explains the cause.
 */
public record Pause(PauseKind kind, String reason) {
}
