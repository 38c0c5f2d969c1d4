package se.utskick.users;

/**
 * What this package needs from the audit log: sign-ins, refusals and sign-outs are recorded with
 * the username as actor. The composition root adapts {@code audit.AuditLog#record} to it.
 */
@FunctionalInterface
public interface AuditTrail {
    void record(String actor, String action, String subject, String detail);
}
