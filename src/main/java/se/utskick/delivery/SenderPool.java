package se.utskick.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender workers of this process ({@code delivery.workers}, each on its own thread with its own
 * SMTP connection), and what they share: the outbox, the per-letter renderers (prepared once per
 * letter per process), the relays with their rate caps, the pace per group of receiving domains. {@link #start} and {@link #stop} may be called from any thread;
 * a pool can be started once.
 */
public final class SenderPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SenderPool.class);
    private final Outbox outbox;
    private final DeliveryConfig cfg;
    private final DeliveryTokens tokens;
    private final LetterComposer composer;
    private final LetterLifecycle lifecycle;
    private final InvalidAddresses invalidAddresses;
    private final DkimSigning dkim;
    private final Clock clock;
    private final RelayRouter relays;
    private final PacingLog pacingLog;
    private final DomainPacer pacer;
    private final Map<Long, LetterRenderer> renderers = new ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();
    private final String id = "p" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private final List<SenderWorker> workers = new ArrayList<>();
    private final PauseForError pauser;
    private final List<SenderPool> registry;
    private final java.util.concurrent.ScheduledThreadPoolExecutor watchdog;
    private volatile List<Long> running = List.of();
    private volatile long runningReadAt;
    private static final long RUNNING_TTL_NANOS = 1_000_000_000L;
    /** Held while one of this pool's workers claims ({@link #inClaimTurn}). */
    private final java.util.concurrent.locks.ReentrantLock claimTurn = new java.util.concurrent.locks.ReentrantLock();

    /** What a pool does with a letter it cannot send: pause its run with the cause and reason (Delivery). */
    @FunctionalInterface
    interface PauseForError {
        void pause(long letterId, Pause pause);
    }

    SenderPool(Outbox outbox, DeliveryConfig cfg, DeliveryTokens tokens, LetterComposer composer, LetterLifecycle lifecycle,
               InvalidAddresses invalidAddresses, DkimSigning dkim, Clock clock, PauseForError pauser, List<SenderPool> registry,
               PacingLog pacingLog) {
        this.pauser = pauser;
        this.registry = registry;
        this.watchdog = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                r -> Thread.ofPlatform().daemon(true).name("sender-deadline").unstarted(r));
        this.watchdog.setRemoveOnCancelPolicy(true);
        this.outbox = outbox;
        this.cfg = cfg;
        this.tokens = tokens;
        this.composer = composer;
        this.lifecycle = lifecycle;
        this.invalidAddresses = invalidAddresses;
        this.dkim = dkim;
        this.clock = clock;
        this.relays = new RelayRouter(cfg.relays());
        this.pacingLog = pacingLog;
        this.pacer = new DomainPacer(cfg.pacing(), pacingLog, id);
    }

    public synchronized void start() {
        if (!threads.isEmpty()) {
            throw new IllegalStateException("sender pool " + id + " already started");
        }
        for (int i = 1; i <= cfg.workers(); i++) {
            SenderWorker w = new SenderWorker(id + "-w" + i, this, cfg, clock);
            Thread t = Thread.ofPlatform().name("sender-" + i).daemon(true).unstarted(w);
            threads.add(t);
            workers.add(w);
            t.start();
        }
        registry.add(this);
        log.info("started {} sender workers ({})", cfg.workers(), id);
    }

    /** Interrupts the workers and waits for them to finish their current batch. */
    public synchronized void stop() {
        threads.forEach(Thread::interrupt);
        try {
            for (Thread t : threads) {
                try {
                    t.join(cfg.messageDeadline().toMillis() + 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            stopped();
        }
    }

    private void stopped() {
        if (threads.stream().noneMatch(Thread::isAlive)) {
            watchdog.shutdownNow();
        }
        registry.remove(this);
        try {
            pacingLog.clear(id);
        } catch (RuntimeException e) {
            log.debug("this node's paces stay shown until the next start: {}", e.toString());
        }
    }

    /**
     * Stops within about {@code grace}: interrupts the workers (each finishes the message it is
     * sending, gives back the rest of its batch and records what was sent), waits for them up to
     * {@code grace}, then gives back at once every row any of them still holds, so other nodes take
     * it over now instead of when the lease expires. A worker still stuck in SMTP after the grace may
     * have its message sent twice (the crash bound: workers × batch). Returns the rows given back here.
     */
    public synchronized int stop(java.time.Duration grace) {
        threads.forEach(Thread::interrupt);
        long end = System.nanoTime() + grace.toNanos();
        for (Thread t : threads) {
            long left = Math.max(1, (end - System.nanoTime()) / 1_000_000);
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long stuck = threads.stream().filter(Thread::isAlive).count();
        stopped();
        int released = outbox.release(id + "-", clock.instant());
        log.info("stopped sender workers ({}): {} rows given back to the queue{}", id, released,
                stuck == 0 ? "" : ", " + stuck + " workers still in SMTP");
        return released;
    }

    /** This pool's id: the prefix of {@code claimed_by} of the rows its workers hold. */
    public String id() {
        return id;
    }

    @Override
    public void close() {
        stop();
    }

    /** Rows this pool has recorded since it started (any outcome). */
    public long recorded() {
        return recorded.get();
    }

    Outbox outbox() {
        return outbox;
    }

    /**
     * Runs one worker's claim while no other worker of this pool claims: the pool's workers then never
     * race each other for the same ids at the head of the queue, where each claim reads (measured with
     * 8 workers claiming at once: twice the index reads and MariaDB CPU per message of 4). A claim takes
     * milliseconds beside the seconds its rows take to send, and the next one is prefetched, so the
     * workers rarely wait; what is claimed, and the crash bound, are unchanged. A worker interrupted
     * (stopped) while it waits for its turn gives up at once instead of claiming.
     */
    <T> T inClaimTurn(java.util.function.Supplier<T> claim) throws InterruptedException {
        claimTurn.lockInterruptibly();
        try {
            return claim.get();
        } finally {
            claimTurn.unlock();
        }
    }

    /**
     * The running letters, read at most once a second per process: a pause takes effect within a
     * second. While the database cannot be read, the last view stands (a claim fails anyway then).
     */
    List<Long> runningLetters() {
        long now = System.nanoTime();
        if (now - runningReadAt > RUNNING_TTL_NANOS) {
            try {
                running = outbox.runningLetters();
            } catch (se.utskick.db.DatabaseException e) {
                log.debug("running letters not read: {}", e.toString());
                return running;
            }
            runningReadAt = now;
        }
        return running;
    }

    /** Closes a stalled message's socket at its deadline; shared by the workers. */
    java.util.concurrent.ScheduledExecutorService watchdog() {
        return watchdog;
    }

    /** What each worker of this pool says about itself, in start order. */
    public synchronized List<WorkerHealth> health() {
        List<WorkerHealth> out = new ArrayList<>(workers.size());
        for (int i = 0; i < workers.size(); i++) {
            out.add(workers.get(i).health(threads.get(i).isAlive()));
        }
        return out;
    }

    /**
     * A worker could not compose a message of {@code letterId}: its run is paused with the reason
     * (once, by whichever worker gets there first), and the letter is prepared afresh on resume.
     */
    void cannotCompose(long letterId, Throwable e) {
        renderers.remove(letterId);
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("letter {} cannot be composed, its sending is paused: {}", letterId, reason);
        pauser.pause(letterId, new Pause(PauseKind.COMPOSE, reason));
        runningReadAt = 0;
    }

    /**
     * The relay refused our envelope sender for a message of {@code letterId}: every other message
     * would be refused the same way, and the cause is ours, not the recipients'. The run is paused
     * with the reason (once; the ombudsman is told), so at most the rest of the claim in hand meets
     * the same refusal (BLOCKED, nobody marked); after the fix, resume and resend the failed.
     */
    void senderRefused(long letterId, String reply) {
        log.warn("letter {}: the relay refused our envelope sender, its sending is paused: {}; fix the sender (mail.domain,"
                + " the relay's rules for senders, SPF: see 'utskick doctor'), then resume the letter and resend the failed", letterId, reply);
        pauser.pause(letterId, new Pause(PauseKind.SENDER_REFUSED, reply));
        runningReadAt = 0;
    }

    /** Which relay carries a message, and each relay's rate cap (shared by this pool's workers). */
    RelayRouter relays() {
        return relays;
    }

    DomainPacer pacer() {
        return pacer;
    }

    InvalidAddresses invalidAddresses() {
        return invalidAddresses;
    }

    LetterRenderer renderer(long letterId) {
        return renderers.computeIfAbsent(letterId, id -> new LetterRenderer(id, composer.prepare(id), cfg, tokens, dkim));
    }

    void sent(List<Outbox.Result> results) {
        recorded.addAndGet(results.size());
    }

    void finishIfDone(long letterId) {
        if (outbox.finishIfDone(letterId, clock.instant(), lifecycle)) {
            renderers.remove(letterId);
            log.info("letter {} finished sending", letterId);
        }
    }

    /** A worker found nothing due: finish the letters that have nothing waiting (their last batch may have been another process's). */
    void idle(SenderWorker w) {
        runningReadAt = 0;
        for (long letter : runningLetters()) {
            finishIfDone(letter);
        }
    }
}
