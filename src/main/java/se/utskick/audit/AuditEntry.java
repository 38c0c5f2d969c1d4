package se.utskick.audit;

import java.time.Instant;

/**
 * One row of the audit log.
 *
 * @param actor   a staff username, or {@code cli:} + the operating-system user
 * @param action  a short dotted word: {@code letter.approve}, {@code member.unsubscribe}, {@code user.signin}
 * @param subject what it was done to, by id: {@code letter 7}, {@code member 1234}, {@code user anna}
 * @param detail  counts or states, never personal data; empty when there is nothing to add
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {
}
