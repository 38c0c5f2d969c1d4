package se.utskick.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.db.DatabaseException;

/**
 * The outbox's leases after the claim: a live worker renews the lease of the rows it holds, a
 * stopping worker or process gives its rows back at once (as if the lease had expired now, the
 * claim's attempt not counted). Thread-safe (stateless over the pool).
 */
final class OutboxLeases {
    private final Database db;

    OutboxLeases(Database db) {
        this.db = db;
    }

    /**
     * Gives back at once every row still leased by a worker whose name starts with {@code workerPrefix}
     * (a stopping process), as if its lease had expired now; the claim's attempt is not counted.
     * Returns the rows given back. A deadlock with another node's claim (InnoDB picks one side to
     * roll back) is retried: at a SIGTERM there is no later chance to give the rows back early.
     */
    int release(String workerPrefix, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return releaseOnce(workerPrefix, now);
            } catch (DatabaseException e) {
                if (!(e.getCause() instanceof SQLTransactionRollbackException) || attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private int releaseOnce(String workerPrefix, Instant now) {
        return db.withConnection(c -> {
            return Bind.update(c, DeliverySql.RELEASE, now, now, workerPrefix + "%");
        });
    }

    /**
     * Renews the lease of every waiting row {@code worker} still holds until {@code leaseUntil}, and
     * returns which of {@code ids} it holds after that (in one transaction). A row missing from the
     * answer was lost: its lease ran out and another worker claimed it, or it was cancelled; the
     * worker must not send it. A row another worker is claiming at this moment is either renewed
     * here first (and then not due for that worker) or claimed there first (and then not held here).
     */
    Set<Long> renew(String worker, List<Long> ids, Instant leaseUntil) {
        return db.inTransaction(c -> {
            Bind.update(c, DeliverySql.RENEW, leaseUntil, leaseUntil, worker);
            Set<Long> held = new HashSet<>();
            if (ids.isEmpty()) {
                return held;
            }
            // built here, not named: the IN list has one placeholder per id
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM delivery WHERE claimed_by = ? AND state IN " + Outbox.WAITING
                    + " AND id IN " + Outbox.placeholders(ids.size()))) {
                s.setString(1, worker);
                for (int i = 0; i < ids.size(); i++) {
                    s.setLong(2 + i, ids.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.add(r.getLong(1));
                    }
                }
            }
            return held;
        });
    }

    /** Gives back at once every waiting row that the one worker {@code worker} holds (its attempt not counted); returns the count. */
    int releaseWorker(String worker, Instant now) {
        return db.withConnection(c -> {
            return Bind.update(c, DeliverySql.RELEASE_WORKER, now, worker);
        });
    }

}
