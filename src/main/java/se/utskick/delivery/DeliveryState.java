package se.utskick.delivery;

/**
 * The state of one delivery, stored as the same word in {@code delivery.state}.
 * QUEUED → SENT | DEFERRED | FAILED | CANCELLED; DEFERRED → SENT | DEFERRED | FAILED | CANCELLED;
 * SENT → BOUNCED (set later by the replies feature); FAILED → QUEUED by {@code resend-failed}.
 * QUEUED/DEFERRED → BLOCKED when the server refused us rather than the recipient (policy,
 * authentication, reputation, our envelope sender), and SENT → BLOCKED when a delivery report says
 * so; BLOCKED never marks the member, and {@code resend-failed} queues it again too.
 */
public enum DeliveryState {
    QUEUED, SENT, DEFERRED, FAILED, BOUNCED, CANCELLED, BLOCKED
}
