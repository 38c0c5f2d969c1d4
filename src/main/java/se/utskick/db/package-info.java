/**
 * The database: an embedded MariaDB when none is configured ({@link se.utskick.db.EmbeddedMariaDb},
 * shared by the processes on one folder), the connection pool, versioned migrations (Flyway) and
 * transactions; and the named queries: each feature's SQL in {@code sql/<feature>.sql}
 * ({@link se.utskick.db.NamedQueries}, {@link se.utskick.db.Sql}), prepared on the server when the
 * composition root wires the graph, and run through the one binding helper
 * ({@link se.utskick.db.Bind}).
 */
package se.utskick.db;
