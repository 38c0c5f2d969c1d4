package se.utskick.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's way to the wire: renders a claimed row into the sender's one reused buffer and sends
 * it over the sender's connection to the relay its letter kind is routed to ({@link RelayRouter}),
 * one reused connection per relay. A relay that cannot be reached, or refuses our envelope sender,
 * is set aside when the route has another, and the same message goes to the next relay at once
 * (no verdict was given, so nothing can be doubled beyond what a dropped connection always risks).
 * Keeps what the worker needs to decide about the rest of its claim: whether the connection is
 * still usable, and connection failures in a row. Not thread-safe: one per worker.
 */
final class MessageSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);
    private final String name;
    private final SenderPool pool;
    private final DeliveryConfig cfg;
    private final Clock clock;
    private final Outcomes outcomes;
    private final WorkerHealth.Tracker health;
    private final Map<String, SmtpConnection> connections = new HashMap<>();
    /** Each message is rendered into this one buffer and sent before the next is rendered. */
    private final MessageBytes buffer = new MessageBytes(32 * 1024);
    private int connectionFailures;
    private boolean connectionOk = true;
    private int stallsInARow;

    MessageSender(String name, SenderPool pool, DeliveryConfig cfg, Clock clock, Outcomes outcomes, WorkerHealth.Tracker health) {
        this.name = name;
        this.pool = pool;
        this.cfg = cfg;
        this.clock = clock;
        this.outcomes = outcomes;
        this.health = health;
    }

    /** A new claim: the connection is tried again. */
    void newClaim() {
        connectionOk = true;
    }

    /** False after a connection failure (or two stalls in a row) in this claim: the rest goes back. */
    boolean connectionOk() {
        return connectionOk;
    }

    int connectionFailures() {
        return connectionFailures;
    }

    private SmtpConnection connection(RelayConfig.Relay relay) {
        return connections.computeIfAbsent(relay.name(), n -> new SmtpConnection(cfg, relay, pool.watchdog()));
    }

    /**
     * The outcome of sending {@code d}; null if its letter cannot be composed (its run is then paused).
     * Waits for the chosen relay's rate cap; interrupted there (stop), it throws and nothing was sent.
     */
    Outbox.Result send(ClaimedDelivery d) throws InterruptedException {
        LetterRenderer renderer;
        OutgoingMessage m;
        try {
            renderer = pool.renderer(d.letterId());
            m = renderer.render(connection(cfg.defaultRelay()).session(), d, buffer);
        } catch (HeaderInjectionException | IllegalArgumentException e) {
            return outcomes.of(d, SmtpOutcome.refused("not sent: " + e.getMessage()), null);
        } catch (RuntimeException | StackOverflowError e) {
            if (SenderWorker.isDatabase(e)) {
                throw e;
            }
            pool.cannotCompose(d.letterId(), e);
            health.failed(clock.instant(), "letter " + d.letterId() + " cannot be composed: " + e.getMessage(), Duration.ZERO);
            return null;
        }
        String kind = renderer.kind();
        RelayRouter router = pool.relays();
        while (true) {
            RelayConfig.Relay relay = router.pick(kind, clock.instant());
            if (relay == null) {
                return outcomes.returnedUntil(d, router.backAt(kind, clock.instant()));
            }
            router.rateLimit(relay).acquire();
            try {
                SmtpOutcome o = connection(relay).send(m);
                connectionFailures = 0;
                stallsInARow = 0;
                if (o.senderRefused() && router.failed(relay, kind, clock.instant(), o.reply())) {
                    continue; // the relay refuses us, not the recipient: the next relay takes the message
                }
                if (o.senderRefused() && o.state() == DeliveryState.BLOCKED) {
                    pool.senderRefused(d.letterId(), o.reply());
                }
                return outcomes.of(d, o, m.messageIdValue());
            } catch (SmtpConnectionException e) {
                log.warn("sender {}: {}", name, e.getMessage());
                if (e.stalled()) {
                    if (++stallsInARow >= 2) {
                        connectionFailures++;
                        connectionOk = false; // the server, not one recipient: give the rest back and wait
                    }
                    return outcomes.stalled(d, e);
                }
                if (router.failed(relay, kind, clock.instant(), e.getMessage())) {
                    continue;
                }
                connectionFailures++;
                connectionOk = false;
                return outcomes.returned(d);
            }
        }
    }

    @Override
    public void close() {
        connections.values().forEach(SmtpConnection::close);
        connections.clear();
    }
}
