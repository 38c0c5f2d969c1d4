package se.utskick.delivery;

import java.time.Clock;
import java.time.Instant;
import se.utskick.Keyring;
import se.utskick.db.Database;
import se.utskick.delivery.LetterComposer.PreparedLetter;

/**
 * The delivery feature's entry point: sending a letter (freezing its audience), controlling a send
 * (pause, resume, cancel, resend-failed), the sender workers of this process and the delivery log.
 * Built once by the composition root. Thread-safe.
 */
public final class Delivery {
    /** The delivery feature's named queries ({@code sql/delivery.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return DeliverySql.QUERIES;
    }

    private final Database db;
    private final DeliveryConfig cfg;
    private final RecipientSource recipients;
    private final LetterComposer composer;
    private final LetterLifecycle lifecycle;
    private final InvalidAddresses invalidAddresses;
    private final Clock clock;
    private final DeliveryTokens tokens;
    private final Outbox outbox;
    private final SendControl control;
    private final DeliveryLog log;
    private final PacingLog pacing;
    private final DkimSigning dkim;
    private final java.util.List<SenderPool> pools = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.BiConsumer<Long, Pause>> pauseListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public Delivery(Database db, DeliveryConfig cfg, Keyring keyring, RecipientSource recipients, LetterComposer composer,
                    LetterLifecycle lifecycle, InvalidAddresses invalidAddresses, Clock clock) {
        this.db = db;
        this.cfg = cfg;
        this.recipients = recipients;
        this.composer = composer;
        this.lifecycle = lifecycle;
        this.invalidAddresses = invalidAddresses;
        this.clock = clock;
        this.tokens = new DeliveryTokens(keyring);
        this.outbox = new Outbox(db);
        this.control = new SendControl(db);
        this.log = new DeliveryLog(db, tokens);
        this.pacing = new PacingLog(db, cfg.pacing());
        this.dkim = cfg.dkim().map(DkimSigning::new).orElse(null);
    }

    /**
     * A test send: {@code letter} rendered for the member (names, association) to {@code address},
     * through the relay like any message, but no delivery row and no state change (see {@link TestSend}).
     */
    public TestOutcome sendTest(long letterId, PreparedLetter letter, long memberId, String firstName, String lastName,
                                Long associationId, String address) {
        return TestSend.send(cfg, tokens, dkim, letterId, letter, memberId, firstName, lastName, associationId, address);
    }

    /** How a test send went: sent (the relay accepted it) or not, and the relay's answer or the reason. */
    public record TestOutcome(boolean sent, String reply) {
    }

    /**
     * Sends a letter now: in one transaction the letter goes to SENDING and its audience is frozen
     * into one QUEUED delivery per recipient. The workers (of any process) then send it.
     *
     * @return the number of recipients
     */
    public int send(long letterId) {
        PreparedLetter prepared = composer.prepare(letterId);
        RecipientSource.Query query = recipients.recipientsOf(letterId);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            lifecycle.startSending(c, letterId);
            return outbox.freeze(c, letterId, query, prepared.listId(), now);
        });
    }

    /** Schedules the letter to be sent at {@code at}; the scheduler calls {@link #send} then. */
    public void schedule(long letterId, Instant at) {
        lifecycle.schedule(letterId, at);
    }

    public void pause(long letterId) {
        if (!control.moveRun(letterId, SendRunState.RUNNING, SendRunState.PAUSED)) {
            throw new DeliveryException("letter " + letterId + " is not sending, so it cannot be paused (see: letter status "
                    + letterId + ")");
        }
    }

    /** PAUSED → RUNNING (a sender's pause reason is cleared; the letter is prepared afresh when sent). */
    public void resume(long letterId) {
        if (!control.moveRun(letterId, SendRunState.PAUSED, SendRunState.RUNNING)) {
            throw new DeliveryException("letter " + letterId + " is not paused, so it cannot be resumed (see: letter status "
                    + letterId + ")");
        }
    }

    /** Cancels the rest of a send (or a scheduled letter); what was sent stays logged. Returns the deliveries cancelled. */
    public int cancel(long letterId) {
        return control.cancel(letterId, lifecycle, clock.instant());
    }

    /**
     * Queues the FAILED and BLOCKED deliveries whose members now have an OK address again, with that
     * address; a letter that had finished is SENDING again and finishes again when they are sent.
     * Refused for a cancelled letter.
     */
    public int resendFailed(long letterId) {
        return control.resendFailed(letterId, lifecycle, clock.instant());
    }

    /** SENT → BOUNCED, for the replies feature when a bounce names this delivery. */
    public boolean markBounced(long deliveryId, String reason) {
        return control.markBounced(deliveryId, reason);
    }

    /**
     * SENT → BLOCKED, for the replies feature when a delivery report says the receiver refused us
     * (policy, authentication, reputation); the member's address is left alone.
     */
    public boolean markBlocked(long deliveryId, String reason) {
        return control.markBlocked(deliveryId, reason);
    }

    /** A new pool of this process's sender workers (not started). */
    public SenderPool senders() {
        return new SenderPool(outbox, cfg, tokens, composer, lifecycle, invalidAddresses, dkim, clock, this::pauseForError, pools, pacing);
    }

    /**
     * What every sender worker of this process says about itself (alive, last claim, last error),
     * over the pools started here and not stopped; empty if this process sends nothing. For the
     * dashboard and a health endpoint.
     */
    public java.util.List<WorkerHealth> workerHealth() {
        return pools.stream().flatMap(p -> p.health().stream()).toList();
    }

    /**
     * Called once per pause a sender makes by itself (by the worker that paused it): {@code (letterId,
     * pause)}, its cause and reason. The composition root tells the ombudsman through it.
     */
    public void onPausedForError(java.util.function.BiConsumer<Long, Pause> listener) {
        pauseListeners.add(listener);
    }

    /** RUNNING → PAUSED with {@code pause}; the listeners hear of it if this call made the change. */
    void pauseForError(long letterId, Pause pause) {
        if (control.pauseForError(letterId, pause, clock.instant())) {
            for (var l : pauseListeners) {
                try {
                    l.accept(letterId, pause);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(Delivery.class).warn("letter {} paused, but telling the ombudsman failed: {}",
                            letterId, e.toString());
                }
            }
        }
    }

    /** The letters being sent now (their run is RUNNING), by any process. */
    public java.util.List<Long> sending() {
        return outbox.runningLetters();
    }

    /** A letter's progress per group of receiving domains, and which groups are held back and why. */
    public PacingLog pacing() {
        return pacing;
    }

    public DeliveryLog log() {
        return log;
    }

    public DeliveryTokens tokens() {
        return tokens;
    }

    public DeliveryConfig config() {
        return cfg;
    }

    public DeliveryErasure erasure() {
        return new DeliveryErasure();
    }

    /** The delivery feature's scheduled work: the daily retention clean-up of the delivery log ({@code purge-deliveries}). */
    public java.util.List<se.utskick.schedule.ScheduledJob> jobs() {
        DeliveryRetention retention = new DeliveryRetention(db, cfg.retention(), clock);
        return java.util.List.of(se.utskick.schedule.ScheduledJob.of("purge-deliveries",
                "Blank the SMTP reply and name of deliveries older than delivery.retention", "0 50 3 * * ?",
                () -> retention.purge() + " deliveries lost their details"));
    }
}
