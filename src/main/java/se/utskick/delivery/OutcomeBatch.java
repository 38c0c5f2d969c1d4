package se.utskick.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's outcomes not yet recorded: recorded when the batch is full and at the end of a claim,
 * in one statement (or transaction), then the addresses a 5.1.x answer refused are marked. The crash
 * bound is one such batch per sender. Not thread-safe: one per claim of one sender.
 */
final class OutcomeBatch {
    private static final Logger log = LoggerFactory.getLogger(OutcomeBatch.class);
    private final SenderPool pool;
    private final String worker;
    private final Clock clock;
    private final WorkerHealth.Tracker health;
    /** Until when the batch's rows are leased to the worker: recording is retried only that long. */
    private final Supplier<Instant> leaseUntil;
    private final List<Outbox.Result> results;
    /** The rows a 5.1.x answer refused, with that answer. */
    private final List<Refused> refused = new ArrayList<>();
    private final int size;

    OutcomeBatch(int size, SenderPool pool, String worker, Clock clock, WorkerHealth.Tracker health, Supplier<Instant> leaseUntil) {
        this.size = size;
        this.pool = pool;
        this.worker = worker;
        this.clock = clock;
        this.health = health;
        this.leaseUntil = leaseUntil;
        this.results = new ArrayList<>(size);
    }

    private record Refused(ClaimedDelivery row, String reply) {
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
                            worker, x.row().id(), e.toString());
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
                pool.outbox().record(results, worker);
                return stop;
            } catch (RuntimeException e) {
                if (!SenderWorker.isDatabase(e) || attempt > 1 && !clock.instant().plusMillis(waitMs).isBefore(leaseUntil.get())) {
                    throw e;
                }
                log.warn("sender {}: recording {} outcomes failed ({}); trying again in {} ms", worker, results.size(), e, waitMs);
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
