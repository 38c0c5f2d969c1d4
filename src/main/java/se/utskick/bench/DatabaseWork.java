package se.utskick.bench;

import java.sql.ResultSet;
import java.sql.Statement;
import se.utskick.db.Database;

/**
 * A few of the MariaDB server's own counters ({@code SHOW GLOBAL STATUS}), read before and after a
 * benchmark phase, so the bench can say what the database did per message. Server-wide: on a shared
 * server the figures include other clients' work.
 */
record DatabaseWork(long statements, long rowsRead, long rowsWritten, long redoBytes) {

    static DatabaseWork read(Database db) {
        return db.withConnection(c -> {
            long[] v = new long[4];
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                    + "('Questions', 'Handler_read_key', 'Handler_read_next', 'Handler_update', 'Handler_write', 'Innodb_lsn_current')")) {
                while (r.next()) {
                    long n = Long.parseLong(r.getString(2));
                    switch (r.getString(1)) {
                        case "Questions" -> v[0] += n;
                        case "Handler_read_key", "Handler_read_next" -> v[1] += n;
                        case "Handler_update", "Handler_write" -> v[2] += n;
                        default -> v[3] += n;
                    }
                }
            }
            return new DatabaseWork(v[0], v[1], v[2], v[3]);
        });
    }

    /** One line: what happened between {@code before} and this, per message. */
    String perMessageSince(DatabaseWork before, int messages) {
        double n = messages;
        return String.format("database per message: %.2f statements, %.1f index reads, %.1f row writes, %.0f bytes of redo log",
                (statements - before.statements) / n, (rowsRead - before.rowsRead) / n, (rowsWritten - before.rowsWritten) / n,
                (redoBytes - before.redoBytes) / n);
    }
}
