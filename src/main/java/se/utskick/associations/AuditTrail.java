package se.utskick.associations;

/** Where the association pages write every visit and change: the audit log, adapted in the composition root. */
@FunctionalInterface
public interface AuditTrail {
    void record(String actor, String action, String subject, String detail);
}
