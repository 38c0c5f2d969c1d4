package se.utskick.bench;

import java.sql.ResultSet;
import java.sql.Statement;
import se.utskick.db.Database;

/**
 * A few of the MariaDB server's own counters ({@code SHOW GLOBAL STATUS}), read before and after a
 * benchmark phase, so the bench can say what the database did per message. Server-wide: on a shared
 * server the figures include other clients' work (with several sending nodes on one server, that is
 * the point: every node's work is counted once). Row lock waits ({@code Innodb_row_lock_waits}, with
 * their time in {@code Innodb_row_lock_time}) and deadlocks ({@code Innodb_deadlocks}) are given as
 * totals, not per message: with {@code SKIP LOCKED} claims they should stay near zero.
 */
record DatabaseWork(long statements, long rowsRead, long rowsWritten, long redoBytes, long lockWaits, long lockWaitMillis,
                    long deadlocks) {

    static DatabaseWork read(Database db) {
        return db.withConnection(c -> {
            long[] v = new long[7];
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                    + "('Questions', 'Handler_read_key', 'Handler_read_next', 'Handler_update', 'Handler_write', 'Innodb_lsn_current',"
                    + " 'Innodb_row_lock_waits', 'Innodb_row_lock_time', 'Innodb_deadlocks')")) {
                while (r.next()) {
                    long n = Long.parseLong(r.getString(2));
                    switch (r.getString(1)) {
                        case "Questions" -> v[0] += n;
                        case "Handler_read_key", "Handler_read_next" -> v[1] += n;
                        case "Handler_update", "Handler_write" -> v[2] += n;
                        case "Innodb_lsn_current" -> v[3] += n;
                        case "Innodb_row_lock_waits" -> v[4] += n;
                        case "Innodb_row_lock_time" -> v[5] += n;
                        default -> v[6] += n;
                    }
                }
            }
            return new DatabaseWork(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        });
    }

    /** One line: what happened between {@code before} and this, per message, and the lock waits and deadlocks in all. */
    String perMessageSince(DatabaseWork before, int messages) {
        double n = messages;
        return String.format("database per message: %.2f statements, %.1f index reads, %.1f row writes, %.0f bytes of redo log;"
                        + " in all %d row lock waits (%d ms), %d deadlocks",
                (statements - before.statements) / n, (rowsRead - before.rowsRead) / n, (rowsWritten - before.rowsWritten) / n,
                (redoBytes - before.redoBytes) / n, lockWaits - before.lockWaits, lockWaitMillis - before.lockWaitMillis,
                deadlocks - before.deadlocks);
    }
}
