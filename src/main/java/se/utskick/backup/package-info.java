/**
 * Backup and restore of the whole database: a consistent logical dump written over JDBC (so it
 * works the same on the embedded server and on a configured one, with no client tools), and its
 * restore into an empty database, followed by the migrations. See {@link se.utskick.backup.Backup}.
 */
package se.utskick.backup;
