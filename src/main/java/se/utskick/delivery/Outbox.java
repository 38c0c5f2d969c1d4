package se.utskick.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The SQL of the outbox: freezing an audience, claiming due rows under a lease, recording outcomes.
 *
 * <p>Claiming ({@link #claim}) reads candidate ids of due rows without locks, then locks those by
 * primary key with {@code SELECT … FOR UPDATE SKIP LOCKED} (re-checking that each is still waiting
 * and due), then sets due_at = lease_until = now + lease in the same transaction: a row held by a
 * live worker is simply not due, and a row whose worker died becomes due again when its lease runs
 * out. Any number of workers in any number of processes share a letter this way. Renewing and giving
 * back leases is {@link OutboxLeases}. Thread-safe (stateless over the pool).
 */
final class Outbox {
    static final String WAITING = "('QUEUED', 'DEFERRED')";
    private final Database db;
    private final OutboxLeases leases;

    Outbox(Database db) {
        this.db = db;
        this.leases = new OutboxLeases(db);
    }

    /** Inserts one row per recipient of {@code source} and the letter's send run, on {@code c}. Returns the count. */
    int freeze(Connection c, long letterId, RecipientSource.Query source, String listId, Instant now) throws SQLException {
        Bind.update(c, DeliverySql.RUN_INSERT, letterId, listId, now);
        int n;
        // built here, not named: it wraps the audience's query (source.sql()), known only per letter
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO delivery (letter_id, member_id, email, first_name, last_name, association_id, in_reply_to, state, due_at, queued_at) "
                        + "WITH r (member_id, email, first_name, last_name, association_id" + (source.threaded() ? ", in_reply_to" : "")
                        + ") AS (" + source.sql() + ") SELECT ?, r.member_id, r.email, r.first_name, r.last_name, r.association_id, "
                        + (source.threaded() ? "r.in_reply_to" : "NULL") + ", 'QUEUED', ?, ? FROM r")) {
            List<Object> params = new ArrayList<>(source.params());
            params.addAll(List.of(letterId, now, now));
            n = Bind.bind(ins, params).executeUpdate();
        }
        Bind.update(c, DeliverySql.RUN_RECIPIENTS, n, letterId);
        return n;
    }

    /**
     * Claims up to {@code max} due rows of {@code letters} (the running ones) for {@code worker} until
     * {@code leaseUntil}, in one transaction. Each round first reads candidate ids without locks, then
     * locks those by primary key with {@code FOR UPDATE SKIP LOCKED}, re-checking that each is still
     * waiting and due (a locking read sees the latest committed row), and leases them. A row another
     * worker is claiming is skipped; one it has claimed since the candidate read is no longer due.
     *
     * <p>Why not lock through the (state, due_at) index directly: every claim leaves its rows' old
     * entries delete-marked at the head of that index until purge, and a locking read pays a
     * clustered-index lookup per such entry to rule out an implicit lock, hundreds per claim under
     * load; the candidate read skips them cheaply.
     */
    List<ClaimedDelivery> claim(List<Long> letters, String worker, int max, Instant now, Instant leaseUntil) {
        if (letters.isEmpty()) {
            return List.of();
        }
        String in = letters.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        return db.inTransaction(c -> {
            List<ClaimedDelivery> rows = new ArrayList<>(max);
            Set<Long> tried = new HashSet<>();
            for (int round = 0; round < CLAIM_ROUNDS && rows.size() < max; round++) {
                int wanted = max - rows.size();
                // twice as many new candidates as wanted: a worker claiming at the same moment read the
                // same head; ids tried in an earlier round (held by another transaction) are passed over
                int limit = tried.size() + wanted * 2;
                List<Long> candidates = candidates(c, in, now, limit);
                boolean last = candidates.size() < limit;
                candidates.removeIf(id -> !tried.add(id));
                List<ClaimedDelivery> locked = candidates.isEmpty() ? List.of() : lockDue(c, candidates, now, wanted);
                lease(c, locked, worker, leaseUntil);
                rows.addAll(locked);
                if (last) {
                    break; // every due row was a candidate; another round would find nothing new
                }
            }
            return rows;
        });
    }

    /** Rounds of {@link #claim}: more only when others took the candidates of the round before. */
    private static final int CLAIM_ROUNDS = 3;

    // The claim's three statements (candidates, lockDue, lease) are built here, not named: their IN
    // lists vary with the running letters and the claimed ids; the hot path keeps them as they are.

    /** Ids of waiting rows due by {@code now}, read without locks (this transaction's own leases are not due). */
    private static List<Long> candidates(Connection c, String letters, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>(limit);
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM delivery WHERE state IN " + WAITING
                + " AND due_at <= ? AND letter_id IN " + letters + " LIMIT ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Locks up to {@code limit} of {@code ids} that are still waiting and due, skipping rows others hold. */
    private static List<ClaimedDelivery> lockDue(Connection c, List<Long> ids, Instant now, int limit) throws SQLException {
        List<ClaimedDelivery> rows = new ArrayList<>(limit);
        // placeholders, not the ids: the text then depends only on the count, and the driver's
        // statement cache serves it instead of a server-side prepare per claim
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, letter_id, member_id, email, first_name, last_name, association_id, attempts, queued_at, in_reply_to "
                        + "FROM delivery WHERE id IN " + placeholders(ids.size()) + " AND state IN " + WAITING
                        + " AND due_at <= ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            int i = 1;
            for (long id : ids) {
                s.setLong(i++, id);
            }
            s.setTimestamp(i++, Timestamp.from(now));
            s.setInt(i, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new ClaimedDelivery(r.getLong(1), r.getLong(2), r.getObject(3, Long.class), r.getString(4),
                            r.getString(5), r.getString(6), r.getObject(7, Long.class), r.getInt(8) + 1,
                            r.getTimestamp(9).toInstant(), r.getString(10)));
                }
            }
        }
        return rows;
    }

    /** Leases the locked {@code rows}: due_at = lease_until, so they are not due until the lease runs out. */
    private static void lease(Connection c, List<ClaimedDelivery> rows, String worker, Instant leaseUntil) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement u = c.prepareStatement("UPDATE delivery SET due_at = ?, lease_until = ?, claimed_by = ?, "
                + "attempts = attempts + 1 WHERE id IN " + placeholders(rows.size()))) {
            u.setTimestamp(1, Timestamp.from(leaseUntil));
            u.setTimestamp(2, Timestamp.from(leaseUntil));
            u.setString(3, worker);
            for (int i = 0; i < rows.size(); i++) {
                u.setLong(4 + i, rows.get(i).id());
            }
            u.executeUpdate();
        }
    }

    static String placeholders(int n) {
        return "(?" + ", ?".repeat(n - 1) + ")";
    }

    List<Long> runningLetters() {
        return db.withConnection(c -> Bind.list(c, DeliverySql.RUNNING_LETTERS, r -> r.getLong(1)));
    }

    /**
     * Records the outcomes of one batch atomically: one multi-row UPDATE per outcome state
     * (usually one for the whole batch), the per-row values chosen by {@code CASE id}, so the server
     * parses and executes one statement instead of one per row. A row that was cancelled while in
     * flight stays CANCELLED unless it was in fact sent. Only rows still held by {@code worker}, or
     * by nobody, are written.
     */
    void record(List<Result> results, String worker) {
        if (results.isEmpty()) {
            return;
        }
        Map<Outcome, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            groups.computeIfAbsent(new Outcome(r.state(), r.attemptNotCounted()), k -> new ArrayList<>()).add(r);
        }
        if (groups.size() == 1) {
            // one statement is atomic on its own: auto-commit spares the sender three round trips
            // (autocommit off, COMMIT, autocommit on) in the middle of its batch
            Map.Entry<Outcome, List<Result>> g = groups.entrySet().iterator().next();
            db.withConnection(c -> {
                OutcomeUpdate.execute(c, g.getKey().state(), g.getKey().attemptNotCounted(), g.getValue(), worker);
                return null;
            });
            return;
        }
        db.inTransaction(c -> {
            for (Map.Entry<Outcome, List<Result>> g : groups.entrySet()) {
                OutcomeUpdate.execute(c, g.getKey().state(), g.getKey().attemptNotCounted(), g.getValue(), worker);
            }
            return null;
        });
    }

    private record Outcome(DeliveryState state, boolean attemptNotCounted) {
    }

    /** Gives back every row still leased by workers named {@code workerPrefix}… (a stopping process); see {@link OutboxLeases#release}. */
    int release(String workerPrefix, Instant now) {
        return leases.release(workerPrefix, now);
    }

    /** Renews {@code worker}'s lease and returns which of {@code ids} it still holds; see {@link OutboxLeases#renew}. */
    Set<Long> renew(String worker, List<Long> ids, Instant leaseUntil) {
        return leases.renew(worker, ids, leaseUntil);
    }

    /** Gives back every waiting row the one worker {@code worker} holds; see {@link OutboxLeases#releaseWorker}. */
    int releaseWorker(String worker, Instant now) {
        return leases.releaseWorker(worker, now);
    }

    /**
     * RUNNING → FINISHED if nothing of the letter waits any more, and the letter SENDING → SENT through
     * {@code lifecycle}, in one transaction; true for the one caller that made the change.
     */
    boolean finishIfDone(long letterId, Instant now, LetterLifecycle lifecycle) {
        return db.inTransaction(c -> {
            if (Bind.update(c, DeliverySql.FINISH_IF_DONE, now, letterId, letterId) != 1) {
                return false;
            }
            lifecycle.finished(c, letterId);
            return true;
        });
    }

    /**
     * The outcome of one claimed row to record.
     *
     * @param attemptNotCounted true when the connection failed: the claim's attempt is given back
     * @param badAddress        true for a 5.1.x refusal: the address is to be marked invalid
     */
    record Result(long deliveryId, DeliveryState state, Instant dueAt, Instant sentAt, String reply, String messageId,
                  boolean attemptNotCounted, boolean badAddress) {
    }
}
