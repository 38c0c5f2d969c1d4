package se.utskick.delivery;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.db.DatabaseException;

/**
 * One sender: claims two batches' worth of rows, renders and sends each message over its own reused
 * connection, and records the outcomes of each batch in one statement (or transaction) as soon as
 * the batch is sent. Runs on one thread until interrupted.
 *
 * <p>While a claim is being sent, the next one is claimed on a helper thread. Prefetching and the
 * larger claim do not widen the crash window (unsent rows are only leased). Before each batch the
 * worker looks at which letters are running (a view at most a second old): the rows of a letter
 * paused or cancelled since are given back unsent, so a pause lets at most the batch in progress
 * and a second's sending go out.
 *
 * <p>A worker cannot die of a failure: every failure is caught and classified.
 * <ul>
 * <li>The database unreachable (claim, record, renewal): the worker backs off (1 s doubling to
 * 30 s) and tries again, for as long as it takes. Rows it held stay leased to nobody: given back,
 * or, if the database cannot be told, their lease expires.</li>
 * <li>A letter that cannot be composed (the composer refuses it, a template fails): that letter's
 * run is PAUSED with the reason (shown on its page, the dashboard and {@code letter status}), its
 * rows go back unsent, and the worker goes on with the other letters.</li>
 * <li>Anything else: logged with its trace, the worker backs off and goes on.</li>
 * </ul>
 * Each failure is in the worker's {@link WorkerHealth}.
 *
 * <p>Exactly once in the normal case: a row is recorded SENT only after the server accepted it,
 * and never sent without a valid lease. The worker renews the lease of the rows it holds when half
 * of it is left, before the next message; a row whose lease was lost (it ran out, another worker
 * took it) is not sent. If the renewal cannot reach the database, the worker sends only while the
 * lease still covers a whole message ({@code delivery.message.deadline}). A sent batch is recorded
 * even when the thread is interrupted (stop): the interrupt is set aside for the recording and
 * honoured after it, and a failed recording is retried while the lease lasts. What is left: if
 * this process dies after the server accepted a message but before its batch was recorded, the row
 * is sent again when its lease expires (at most one batch per worker).
 *
 * <p>Each message waits for its receiving domain group's turn ({@link DomainPacer}): a group held
 * back or at its cap gets its rows back, due at its next turn, while the rest of the claim goes on.
 * The message goes out through {@link MessageSender} (the relay of its letter kind, with failover);
 * outcomes collect in an {@link OutcomeBatch}; the lease is kept by {@link LeaseKeeper}.
 *
 * <p>A connection failure (with no other relay to take over) gives the rest of the claim back to the
 * queue at once, without counting an attempt, and the worker waits (1 s doubling to 30 s) before it reconnects. A message that
 * stalls after the connection was open (read timeout or the message deadline) is DEFERRED with the
 * attempt counted, and FAILED after {@code delivery.stall.attempts}, so its letter finishes.
 */
final class SenderWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SenderWorker.class);
    private final String name;
    private final SenderPool pool;
    private final DeliveryConfig cfg;
    private final Clock clock;
    private final MessageSender sender;
    private final Outcomes outcomes;
    private final WorkerHealth.Tracker health;
    private final LeaseKeeper lease;

    SenderWorker(String name, SenderPool pool, DeliveryConfig cfg, Clock clock) {
        this.name = name;
        this.pool = pool;
        this.cfg = cfg;
        this.clock = clock;
        this.health = new WorkerHealth.Tracker(name);
        this.lease = new LeaseKeeper(name, pool.outbox(), cfg, clock);
        this.outcomes = new Outcomes(cfg, clock);
        this.sender = new MessageSender(name, pool, cfg, clock, outcomes, health);
        this.prefetcher = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon(true).name(name + "-claim").unstarted(r));
    }

    /** The next batch, claimed on {@link #prefetcher} while this one is sent, so the connection does not wait for the database. */
    private Future<Claim> next;
    private final ExecutorService prefetcher;

    private record Claim(List<ClaimedDelivery> rows, Instant leaseUntil) {
    }

    @Override
    public void run() {
        int failures = 0;
        try (sender; prefetcher) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    boolean worked = runOnce();
                    failures = 0;
                    health.ok(worked);
                    if (!worked) {
                        pool.idle(this);
                        Thread.sleep(cfg.pollInterval().toMillis());
                    } else if (sender.connectionFailures() > 0 && !sender.connectionOk()) {
                        Thread.sleep(backoff(sender.connectionFailures()).toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    failures++;
                    Duration wait = backoff(failures);
                    failed(e, wait);
                    Thread.sleep(wait.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            giveBackPrefetched();
            health.stopped();
        }
    }

    /** 1 s doubling per failure in a row, at most 30 s. */
    private static Duration backoff(int failures) {
        return Duration.ofMillis(Math.min(30_000L, 1000L << Math.min(failures - 1, 5)));
    }

    /** A failure that ended a claim: logged, kept in the health, and the rows this worker still holds given back if possible. */
    private void failed(Throwable e, Duration wait) {
        boolean db = isDatabase(e);
        String what = db ? "the database is unreachable" : "unexpected error";
        health.failed(clock.instant(), what + ": " + e, wait);
        if (db) {
            log.warn("sender {}: {} ({}); trying again in {} s", name, what, e.toString(), wait.toSeconds());
        } else {
            log.error("sender {}: {}; trying again in {} s", name, what, wait.toSeconds(), e);
        }
        giveBackPrefetched();
        try {
            pool.outbox().releaseWorker(name, clock.instant());
        } catch (RuntimeException stillDown) {
            log.debug("sender {}: held rows stay leased until their lease expires: {}", name, stillDown.toString());
        }
    }

    /** True if {@code e} came from the database (unreachable, timed out, refused): a reason to wait, never to blame a letter. */
    static boolean isDatabase(Throwable e) {
        for (Throwable x = e; x != null; x = x.getCause()) {
            if (x instanceof DatabaseException || x instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** On stop: the prefetched rows go back to the queue now rather than when their lease expires. */
    private void giveBackPrefetched() {
        if (next == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            List<ClaimedDelivery> rows = next.get().rows();
            pool.outbox().record(rows.stream().map(outcomes::returned).toList(), name);
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            log.warn("sender {}: prefetched deliveries stay leased until their lease expires: {}", name, e.toString());
        }
        next = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Claim claim() throws InterruptedException {
        return pool.inClaimTurn(() -> {
            Instant now = clock.instant();
            Instant until = now.plus(cfg.lease());
            return new Claim(pool.outbox().claim(pool.runningLetters(), name, claimSize(), now, until), until);
        });
    }

    /**
     * Claims and sends one claim's rows, recording their outcomes a batch at a time; false if nothing
     * was due. Interrupted (stop) while waiting for the rate cap, it gives the unsent rest back and
     * records what was sent before it throws. Whatever ends the claim, what was sent is recorded first.
     */
    boolean runOnce() throws InterruptedException {
        Claim claim;
        try {
            claim = next != null ? next.get() : claim();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("claiming deliveries failed", e.getCause());
        } finally {
            next = null;
        }
        List<ClaimedDelivery> claimed = claim.rows();
        if (claimed.isEmpty()) {
            return false;
        }
        health.claimed(clock.instant(), claimed.size());
        lease.claimed(claim.leaseUntil());
        if (claimed.size() == claimSize()) {
            next = prefetcher.submit(this::claim);
        }
        OutcomeBatch batch = new OutcomeBatch(cfg.batchSize(), pool, name, clock, health, lease::until);
        Set<Long> letters = new HashSet<>();
        Set<Long> lost = new HashSet<>();
        Set<Long> unsendable = new HashSet<>();
        sender.newClaim();
        boolean interrupted = false;
        List<Long> running = List.of();
        try {
            for (int i = 0; i < claimed.size(); i++) {
                ClaimedDelivery d = claimed.get(i);
                letters.add(d.letterId());
                if (batch.isEmpty()) {
                    // at each batch: rows of a letter paused or cancelled since the claim go back unsent
                    running = pool.runningLetters();
                }
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                }
                if (!sender.connectionOk() || interrupted || !running.contains(d.letterId()) || unsendable.contains(d.letterId())) {
                    batch.add(d, outcomes.returned(d));
                } else {
                    try {
                        Outbox.Result r = paced(d, claimed.subList(i, claimed.size()), lost);
                        if (r == null && !lost.contains(d.id())) {
                            unsendable.add(d.letterId());
                            batch.add(d, outcomes.returned(d));
                        } else if (r != null) {
                            batch.add(d, r);
                        } // else: another worker holds it now, or it was cancelled: not ours to send or record
                    } catch (InterruptedException e) {
                        interrupted = true;
                        batch.add(d, outcomes.returned(d));
                    }
                }
                if (batch.full()) {
                    batch.record();
                }
            }
        } finally {
            batch.record();
        }
        if (claimed.size() < claimSize()) {
            for (long letter : letters) {
                pool.finishIfDone(letter);
            }
        }
        if (interrupted) {
            throw new InterruptedException("stopped in the middle of a batch; the rest was given back");
        }
        return true;
    }

    /** Rows per claim: a claim is two recording batches, so half as many claims; the crash bound stays one batch. */
    private int claimSize() {
        return cfg.batchSize() * 2;
    }

    /**
     * Sends {@code d} in its turn: waits for its domain group's turn ({@link DomainPacer}; a group held
     * back or busy gets the row back, due at its next turn, and the others go on), makes sure the
     * rows still to send are leased, then sends. Returns the outcome; null if the row was lost (then
     * it is in {@code lost}) or its letter cannot be composed.
     */
    private Outbox.Result paced(ClaimedDelivery d, List<ClaimedDelivery> rest, Set<Long> lost) throws InterruptedException {
        PaceConfig.Group group = pool.pacer().groupOf(d.email());
        Instant notBefore = pool.pacer().acquire(group, clock.instant());
        if (notBefore != null) {
            return outcomes.returnedUntil(d, notBefore);
        }
        Outbox.Result r = null;
        Instant heldBack;
        try {
            boolean held = lease.holdFor(rest, lost);
            if (lost.contains(d.id())) {
                r = null;
            } else if (!held) {
                r = outcomes.returned(d);
            } else {
                r = sender.send(d);
            }
        } finally {
            heldBack = pool.pacer().release(group, r, clock.instant());
        }
        // a "too fast" answer: the row waits at least as long as its group is held back
        return r == null ? null : Outcomes.notBefore(r, heldBack);
    }

    String name() {
        return name;
    }

    WorkerHealth health(boolean alive) {
        return health.snapshot(alive);
    }
}
