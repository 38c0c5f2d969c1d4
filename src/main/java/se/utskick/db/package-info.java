/**
 * The database: an embedded MariaDB when none is configured, the connection pool, versioned
 * migrations (Flyway) and transactions.
 */
package se.utskick.db;
