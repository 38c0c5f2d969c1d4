package se.utskick.audience;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes an audit row on the caller's connection, inside its transaction; the composition root
 * adapts {@code audit.AuditLog#record(Connection, ...)} to it.
 */
@FunctionalInterface
public interface ListAudit {
    void record(Connection c, String actor, String action, String subject, String detail) throws SQLException;
}
