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
 * <p>A connection failure gives the rest of the claim back to the queue at once, without counting
 * an attempt, and the worker waits (1 s doubling to 30 s) before it reconnects. A message that
 * stalls after the connection was open (read timeout or the message deadline) is DEFERRED with the
 * attempt counted, and FAILED after {@code delivery.stall.attempts}, so its letter finishes.
 */
final class SenderWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SenderWorker.class);
    private final String name;
    private final SenderPool pool;
    private final DeliveryConfig cfg;
    private final Clock clock;
    private final SmtpConnection connection;
    /** Each message is rendered into this one buffer and sent before the next is rendered. */
    private final MessageBytes buffer = new MessageBytes(32 * 1024);
    private final WorkerHealth.Tracker health;
    private int connectionFailures;
    private boolean connectionOk = true;
    private int stallsInARow;
    /** Until when the rows of the claim being sent are leased to this worker (as far as it knows). */
    private Instant leaseUntil = Instant.MIN;

    SenderWorker(String name, SenderPool pool, DeliveryConfig cfg, Clock clock) {
        this.name = name;
        this.pool = pool;
        this.cfg = cfg;
        this.clock = clock;
        this.connection = new SmtpConnection(cfg, pool.watchdog());
        this.health = new WorkerHealth.Tracker(name);
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
        try (connection; prefetcher) {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    boolean worked = runOnce();
                    failures = 0;
                    health.ok(worked);
                    if (!worked) {
                        pool.idle(this);
                        Thread.sleep(cfg.pollInterval().toMillis());
                    } else if (connectionFailures > 0 && !connectionOk) {
                        Thread.sleep(backoff(connectionFailures).toMillis());
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
            pool.outbox().record(rows.stream().map(this::returned).toList(), name);
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            log.warn("sender {}: prefetched deliveries stay leased until their lease expires: {}", name, e.toString());
        }
        next = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Claim claim() {
        Instant now = clock.instant();
        Instant until = now.plus(cfg.lease());
        return new Claim(pool.outbox().claim(pool.runningLetters(), name, claimSize(), now, until), until);
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
        leaseUntil = claim.leaseUntil();
        if (claimed.size() == claimSize()) {
            next = prefetcher.submit(this::claim);
        }
        Batch batch = new Batch(cfg.batchSize());
        Set<Long> letters = new HashSet<>();
        Set<Long> lost = new HashSet<>();
        Set<Long> unsendable = new HashSet<>();
        connectionOk = true;
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
                if (!connectionOk || interrupted || !running.contains(d.letterId()) || unsendable.contains(d.letterId())) {
                    batch.add(d, returned(d));
                } else {
                    try {
                        pool.rateLimit().acquire();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        batch.add(d, returned(d));
                        continue;
                    }
                    PaceConfig.Group group = pool.pacer().groupOf(d.email());
                    Instant notBefore;
                    try {
                        notBefore = pool.pacer().acquire(group, clock.instant());
                    } catch (InterruptedException e) {
                        interrupted = true;
                        batch.add(d, returned(d));
                        continue;
                    }
                    if (notBefore != null) {
                        batch.add(d, returnedUntil(d, notBefore)); // its group is held back or busy: the others go on
                        continue;
                    }
                    Outbox.Result r = null;
                    try {
                        Lease lease = lease(claimed.subList(i, claimed.size()), lost);
                        if (lost.contains(d.id())) {
                            continue; // another worker holds it now, or it was cancelled: not ours to send or record
                        }
                        if (lease == Lease.TOO_SHORT) {
                            batch.add(d, returned(d));
                            continue;
                        }
                        r = sendOne(d);
                    } finally {
                        Instant held = pool.pacer().release(group, r, clock.instant());
                        if (r != null && held != null && r.state() == DeliveryState.DEFERRED && r.dueAt().isBefore(held)) {
                            r = new Outbox.Result(r.deliveryId(), r.state(), held, null, r.reply(), null, false, false);
                        }
                    }
                    if (r == null) {
                        unsendable.add(d.letterId());
                        batch.add(d, returned(d));
                    } else {
                        batch.add(d, r);
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

    private enum Lease { HELD, TOO_SHORT }

    /**
     * Makes sure the rows still to be sent ({@code rest}) are leased long enough for one more
     * message: when half the lease is left it is renewed, and the rows found lost are added to
     * {@code lost}. If the database cannot be reached, TOO_SHORT once the lease no longer covers a
     * whole message (then the row is given back rather than risk a second copy).
     */
    private Lease lease(List<ClaimedDelivery> rest, Set<Long> lost) {
        Instant now = clock.instant();
        if (now.isBefore(leaseUntil.minus(cfg.lease().dividedBy(2)))) {
            return Lease.HELD;
        }
        Instant until = now.plus(cfg.lease());
        try {
            Set<Long> held = pool.outbox().renew(name, rest.stream().map(ClaimedDelivery::id).toList(), until);
            for (ClaimedDelivery d : rest) {
                if (!held.contains(d.id())) {
                    lost.add(d.id());
                }
            }
            leaseUntil = until;
            if (!lost.isEmpty()) {
                log.warn("sender {}: {} claimed deliveries were lost (lease expired or cancelled) and are not sent here", name, lost.size());
            }
            return Lease.HELD;
        } catch (RuntimeException e) {
            log.warn("sender {}: could not renew the lease ({}); sending only while it lasts", name, e.toString());
            return now.plus(cfg.messageDeadline()).isBefore(leaseUntil) ? Lease.HELD : Lease.TOO_SHORT;
        }
    }

    /** Rows per claim: a claim is two recording batches, so half as many claims; the crash bound stays one batch. */
    private int claimSize() {
        return cfg.batchSize() * 2;
    }

    /** Outcomes not yet recorded; recorded when a batch is full and at the end of a claim. */
    private final class Batch {
        private final List<Outbox.Result> results;
        /** The rows a 5.1.x answer refused, with that answer. */
        private final List<Refused> refused = new ArrayList<>();
        private final int size;

        Batch(int size) {
            this.size = size;
            this.results = new ArrayList<>(size);
        }

        void add(ClaimedDelivery d, Outbox.Result r) {
            results.add(r);
            if (r.badAddress() && d.memberId() != null) {
                refused.add(new Refused(d, r.reply()));
            }
        }

        boolean isEmpty() {
            return results.isEmpty();
        }

        boolean full() {
            return results.size() >= size;
        }

        /**
         * Records the outcomes in one go, then marks the addresses a 5.1.x answer refused. An
         * interrupt (stop) is set aside while recording and set again after: a message the server
         * accepted must be recorded, or it is sent again. A database failure is retried (200 ms
         * doubling to 5 s) while the rows' lease lasts; after that the rows are sent again by
         * whoever claims them, and the failure is thrown.
         */
        void record() {
            if (results.isEmpty()) {
                return;
            }
            boolean interrupted = Thread.interrupted();
            try {
                interrupted |= recordRetrying();
                pool.sent(results);
                for (Refused x : refused) {
                    try {
                        pool.invalidAddresses().markInvalid(x.row().memberId(), x.row().email(), x.reply());
                    } catch (RuntimeException e) {
                        log.warn("sender {}: delivery {} was refused as a bad address, but the register could not be told: {}",
                                name, x.row().id(), e.toString());
                    }
                }
                results.clear();
                refused.clear();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Records the batch, retrying a database failure while the lease lasts; true if a stop arrived meanwhile. */
        private boolean recordRetrying() {
            boolean stop = false;
            long waitMs = 200;
            for (int attempt = 1; ; attempt++) {
                try {
                    pool.outbox().record(results, name);
                    return stop;
                } catch (RuntimeException e) {
                    if (!isDatabase(e) || attempt > 1 && !clock.instant().plusMillis(waitMs).isBefore(leaseUntil)) {
                        throw e;
                    }
                    log.warn("sender {}: recording {} outcomes failed ({}); trying again in {} ms", name, results.size(), e, waitMs);
                    health.failed(clock.instant(), "recording outcomes failed: " + e, Duration.ofMillis(waitMs));
                    try {
                        Thread.sleep(waitMs);
                    } catch (InterruptedException interrupt) {
                        stop = true; // honoured once the batch is recorded
                    }
                    waitMs = Math.min(5000, waitMs * 2);
                }
            }
        }
    }

    private record Refused(ClaimedDelivery row, String reply) {
    }

    /** The outcome of sending {@code d}; null if its letter cannot be composed (its run is then paused). */
    private Outbox.Result sendOne(ClaimedDelivery d) {
        OutgoingMessage m;
        try {
            m = pool.renderer(d.letterId()).render(connection.session(), d, buffer);
        } catch (HeaderInjectionException | IllegalArgumentException e) {
            return outcome(d, SmtpOutcome.refused("not sent: " + e.getMessage()), null);
        } catch (RuntimeException | StackOverflowError e) {
            if (isDatabase(e)) {
                throw e;
            }
            pool.cannotCompose(d.letterId(), e);
            health.failed(clock.instant(), "letter " + d.letterId() + " cannot be composed: " + e.getMessage(), Duration.ZERO);
            return null;
        }
        try {
            SmtpOutcome o = connection.send(m);
            connectionFailures = 0;
            stallsInARow = 0;
            if (o.senderRefused()) {
                pool.senderRefused(d.letterId(), o.reply());
            }
            return outcome(d, o, m.messageIdValue());
        } catch (SmtpConnectionException e) {
            log.warn("sender {}: {}", name, e.getMessage());
            if (e.stalled()) {
                if (++stallsInARow >= 2) {
                    connectionFailures++;
                    connectionOk = false; // the server, not one recipient: give the rest back and wait
                }
                return stalled(d, e);
            }
            connectionFailures++;
            connectionOk = false;
            return returned(d);
        }
    }

    /** No answer in time after the connection was open: DEFERRED with the attempt counted; FAILED after delivery.stall.attempts. */
    private Outbox.Result stalled(ClaimedDelivery d, SmtpConnectionException e) {
        Instant now = clock.instant();
        String reply = clip("no answer within " + cfg.messageDeadline().toSeconds() + " s (delivery.message.deadline) or "
                + cfg.readTimeout().toSeconds() + " s (smtp.timeout.read): " + e.getMessage());
        if (d.attempts() >= cfg.stallAttempts()) {
            return new Outbox.Result(d.id(), DeliveryState.FAILED, now, null,
                    clip("gave up after " + d.attempts() + " attempts: " + reply), null, false, false);
        }
        return deferred(d, new SmtpOutcome(DeliveryState.DEFERRED, reply, false), now);
    }

    private static String clip(String s) {
        String one = s.replaceAll("[\\r\\n]+", " ").strip();
        return one.length() > 500 ? one.substring(0, 500) : one;
    }

    private Outbox.Result outcome(ClaimedDelivery d, SmtpOutcome o, String messageId) {
        Instant now = clock.instant();
        return switch (o.state()) {
            case SENT -> new Outbox.Result(d.id(), DeliveryState.SENT, now, now, o.reply(), messageId, false, false);
            case DEFERRED -> deferred(d, o, now);
            default -> new Outbox.Result(d.id(), o.state(), now, null, o.reply(), null, false, o.badAddress());
        };
    }

    /** 4xx: retry after backoff × 2^(attempts-1), capped; FAILED once the row is older than the max age. */
    private Outbox.Result deferred(ClaimedDelivery d, SmtpOutcome o, Instant now) {
        Duration wait = cfg.retryBackoff().multipliedBy(1L << Math.min(d.attempts() - 1, 20));
        if (wait.compareTo(cfg.retryBackoffMax()) > 0) {
            wait = cfg.retryBackoffMax();
        }
        Instant retryAt = now.plus(wait);
        if (retryAt.isAfter(d.queuedAt().plus(cfg.maxAge()))) {
            return new Outbox.Result(d.id(), DeliveryState.FAILED, now, null,
                    clip("gave up after " + d.attempts() + " attempts: " + o.reply()), null, false, false);
        }
        return new Outbox.Result(d.id(), DeliveryState.DEFERRED, retryAt, null, o.reply(), null, false, false);
    }

    /** Given back unsent, due at {@code dueAt} (its group's next turn), the attempt not counted. */
    private Outbox.Result returnedUntil(ClaimedDelivery d, Instant dueAt) {
        return new Outbox.Result(d.id(), d.attempts() > 1 ? DeliveryState.DEFERRED : DeliveryState.QUEUED,
                dueAt, null, null, null, true, false);
    }

    private Outbox.Result returned(ClaimedDelivery d) {
        return new Outbox.Result(d.id(), d.attempts() > 1 ? DeliveryState.DEFERRED : DeliveryState.QUEUED,
                clock.instant(), null, null, null, true, false);
    }

    String name() {
        return name;
    }

    WorkerHealth health(boolean alive) {
        return health.snapshot(alive);
    }
}
