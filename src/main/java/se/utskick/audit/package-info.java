/**
 * The audit log: who changed what, and when — every change of data made from the web interface or
 * the command line, and every sign-in. The supervisory authority expects access logging for a
 * party's member data; this is it.
 *
 * <p>Public surface: {@link se.utskick.audit.AuditLog} (record, query), {@link se.utskick.audit.AuditEntry}
 * and {@link se.utskick.audit.AuditException}. Rows are append-only.
 *
 * <p>Privacy: a row names what was changed by id ({@code member 1234}, {@code letter 7}), never by an
 * e-mail address or a name; {@link se.utskick.audit.AuditLog#record} refuses text with an {@code @}.
 * A member's erasure keeps their rows: they name only the internal id, which nothing resolves once
 * the register has deleted the member, and an access log is kept for accountability (GDPR art. 5(2)).
 */
package se.utskick.audit;
