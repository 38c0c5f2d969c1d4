package se.utskick.delivery;

/**
 * The state of one delivery, stored as the same word in {@code delivery.state}.
 * QUEUED → SENT | DEFERRED | FAILED | CANCELLED; DEFERRED → SENT | DEFERRED | FAILED | CANCELLED;
 * SENT → BOUNCED (set later by the replies feature); FAILED → QUEUED by {@code resend-failed}.
 */
public enum DeliveryState {
    QUEUED, SENT, DEFERRED, FAILED, BOUNCED, CANCELLED
}
