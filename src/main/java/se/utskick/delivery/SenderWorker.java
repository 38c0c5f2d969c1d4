package se.utskick.delivery;

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
 * <p>Guarantee: a row is recorded SENT only after the server accepted it. If this process dies
 * after the server accepted a message but before its batch was recorded, the row is sent again
 * when its lease expires: at most one batch per worker can be duplicated by a crash.
 * A connection failure gives the rest of the claim back to the queue at once, without counting
 * an attempt, and the worker waits (1 s doubling to 30 s) before it reconnects.
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
    private int connectionFailures;
    private boolean connectionOk = true;

    SenderWorker(String name, SenderPool pool, DeliveryConfig cfg, Clock clock) {
        this.name = name;
        this.pool = pool;
        this.cfg = cfg;
        this.clock = clock;
        this.connection = new SmtpConnection(cfg);
        this.prefetcher = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon(true).name(name + "-claim").unstarted(r));
    }

    /** The next batch, claimed on {@link #prefetcher} while this one is sent, so the connection does not wait for the database. */
    private Future<List<ClaimedDelivery>> next;
    private final ExecutorService prefetcher;

    @Override
    public void run() {
        try (connection; prefetcher) {
            while (!Thread.currentThread().isInterrupted()) {
                boolean worked = runOnce();
                if (!worked) {
                    pool.idle(this);
                    Thread.sleep(cfg.pollInterval().toMillis());
                } else if (connectionFailures > 0 && !connectionOk) {
                    Thread.sleep(Math.min(30_000L, 1000L << Math.min(connectionFailures - 1, 5)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("sender {} stopped on an unexpected error", name, e);
        } finally {
            giveBackPrefetched();
        }
    }

    /** On stop: the prefetched rows go back to the queue now rather than when their lease expires. */
    private void giveBackPrefetched() {
        if (next == null) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            List<ClaimedDelivery> rows = next.get();
            pool.outbox().record(rows.stream().map(this::returned).toList(), name);
        } catch (InterruptedException | ExecutionException | RuntimeException e) {
            log.warn("sender {}: prefetched deliveries stay leased until their lease expires: {}", name, e.toString());
        }
        next = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ClaimedDelivery> claim() {
        Instant now = clock.instant();
        return pool.outbox().claim(pool.runningLetters(), name, claimSize(), now, now.plus(cfg.lease()));
    }

    /**
     * Claims and sends one claim's rows, recording their outcomes a batch at a time; false if nothing
     * was due. Interrupted (stop) while waiting for the rate cap, it gives the unsent rest back and
     * records what was sent before it throws.
     */
    boolean runOnce() throws InterruptedException {
        List<ClaimedDelivery> claimed;
        try {
            claimed = next != null ? next.get() : claim();
        } catch (ExecutionException e) {
            throw new IllegalStateException("claiming deliveries failed", e.getCause());
        } finally {
            next = null;
        }
        if (claimed.isEmpty()) {
            return false;
        }
        if (claimed.size() == claimSize()) {
            next = prefetcher.submit(this::claim);
        }
        Batch batch = new Batch(cfg.batchSize());
        Set<Long> letters = new HashSet<>();
        connectionOk = true;
        boolean interrupted = false;
        List<Long> running = List.of();
        for (ClaimedDelivery d : claimed) {
            letters.add(d.letterId());
            if (batch.isEmpty()) {
                // at each batch: rows of a letter paused or cancelled since the claim go back unsent
                running = pool.runningLetters();
            }
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
            }
            if (!connectionOk || interrupted || !running.contains(d.letterId())) {
                batch.add(d, returned(d));
            } else {
                try {
                    pool.rateLimit().acquire();
                    batch.add(d, sendOne(d));
                } catch (InterruptedException e) {
                    interrupted = true;
                    batch.add(d, returned(d));
                }
            }
            if (batch.full()) {
                batch.record();
            }
        }
        batch.record();
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

        /** Records the outcomes in one go, then marks the addresses a 5.1.x answer refused. */
        void record() {
            if (results.isEmpty()) {
                return;
            }
            pool.outbox().record(results, name);
            pool.sent(results);
            for (Refused x : refused) {
                pool.invalidAddresses().markInvalid(x.row().memberId(), x.row().email(), x.reply());
            }
            results.clear();
            refused.clear();
        }
    }

    private record Refused(ClaimedDelivery row, String reply) {
    }

    private Outbox.Result sendOne(ClaimedDelivery d) {
        OutgoingMessage m;
        try {
            m = pool.renderer(d.letterId()).render(connection.session(), d, buffer);
        } catch (HeaderInjectionException | IllegalArgumentException e) {
            return outcome(d, SmtpOutcome.refused("not sent: " + e.getMessage()), null);
        }
        try {
            SmtpOutcome o = connection.send(m);
            connectionFailures = 0;
            return outcome(d, o, m.messageIdValue());
        } catch (SmtpConnectionException e) {
            connectionFailures++;
            connectionOk = false;
            log.warn("sender {}: {}", name, e.getMessage());
            return returned(d);
        }
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
                    "gave up after " + d.attempts() + " attempts: " + o.reply(), null, false, false);
        }
        return new Outbox.Result(d.id(), DeliveryState.DEFERRED, retryAt, null, o.reply(), null, false, false);
    }

    private Outbox.Result returned(ClaimedDelivery d) {
        return new Outbox.Result(d.id(), d.attempts() > 1 ? DeliveryState.DEFERRED : DeliveryState.QUEUED,
                clock.instant(), null, null, null, true, false);
    }

    String name() {
        return name;
    }
}
