package se.utskick.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocket;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP connection through Angus Mail, opened on first use and reused for many messages.
 * After a failure without an SMTP reply (refused connection, timeout, dropped in DATA) it is
 * closed and re-opened on the next send. Connect and read timeouts are always set, and writes are
 * bounded: by the write timeout, or with a watchdog by the message's deadline (which closes the
 * socket), so a dead server costs at most one timeout. Not thread-safe: one per worker.
 *
 * <p>With a watchdog, on a plain (not TLS) connection, the body of a message goes to the socket in
 * one write ({@link WireBody}), not through Angus Mail's per-line filter; Angus still speaks the protocol.
 *
 * <p>With a watchdog, every message also has a deadline ({@code delivery.message.deadline}) for the
 * whole exchange: past it the socket is closed from the watchdog's thread, so a server that
 * trickles bytes or stalls on one recipient cannot hold the sender longer than that. A timeout or
 * deadline after the connection was open is a <em>stall</em> ({@link SmtpConnectionException#stalled()}):
 * the sender counts it against the message, not only against the connection.
 */
final class SmtpConnection implements AutoCloseable {
    private final DeliveryConfig cfg;
    private final RelayConfig.Relay relay;
    private final Session session;
    private SMTPTransport transport;
    /** After a refusal the server may have closed the connection (421): check it before the next send. */
    private boolean suspect;
    private long lastUse;
    private static final long IDLE_PROBE_NANOS = 20_000_000_000L;
    private final ScheduledExecutorService watchdog;
    /** The socket of the current connection, for the watchdog to close. */
    private volatile Socket socket;

    SmtpConnection(DeliveryConfig cfg) {
        this(cfg, null);
    }

    /** @param watchdog closes a message's socket at its deadline; null for no deadline (the timeouts only) */
    SmtpConnection(DeliveryConfig cfg, ScheduledExecutorService watchdog) {
        this(cfg, cfg.defaultRelay(), watchdog);
    }

    /** A connection to {@code relay} (one of {@code smtp.relays}, or the default one). */
    SmtpConnection(DeliveryConfig cfg, RelayConfig.Relay relay, ScheduledExecutorService watchdog) {
        this.cfg = cfg;
        this.relay = relay;
        this.watchdog = watchdog;
        Properties p = properties(cfg, relay);
        if (watchdog != null) {
            // every exchange runs under the message's deadline, which closes the socket: Angus's write
            // timeout would only add a scheduled task and a thread wake-up to every write
            p.remove("mail.smtp.writetimeout");
        }
        p.put("mail.smtp.socketFactory", NoDelaySockets.plain(s -> socket = s));
        if (relay.implicitTls()) {
            p.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls(s -> socket = s));
        }
        this.session = Session.getInstance(p);
    }

    static Properties properties(DeliveryConfig cfg) {
        return properties(cfg, cfg.defaultRelay());
    }

    static Properties properties(DeliveryConfig cfg, RelayConfig.Relay relay) {
        Properties p = new Properties();
        p.put("mail.smtp.host", relay.host());
        p.put("mail.smtp.port", String.valueOf(relay.port()));
        p.put("mail.smtp.localhost", cfg.heloName());
        p.put("mail.smtp.connectiontimeout", String.valueOf(cfg.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(cfg.readTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(cfg.writeTimeout().toMillis()));
        p.put("mail.smtp.quitwait", "false");
        p.put("mail.smtp.ssl.enable", String.valueOf(relay.implicitTls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.starttls.enable", String.valueOf(relay.startTls() != DeliveryConfig.StartTls.OFF));
        p.put("mail.smtp.starttls.required", String.valueOf(relay.startTls() == DeliveryConfig.StartTls.REQUIRED));
        p.put("mail.smtp.auth", String.valueOf(relay.user().isPresent()));
        p.put("mail.smtp.socketFactory", NoDelaySockets.plain());
        p.put("mail.smtp.socketFactory.fallback", "false");
        if (relay.implicitTls()) {
            p.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls());
        }
        return p;
    }

    Session session() {
        return session;
    }

    /**
     * Sends one message to its one recipient. The connection is not probed (NOOP) before each
     * message, only after a refusal or 20 s idle; a connection the server closed while idle shows as a
     * connection failure, which puts the message back in the queue at no cost to the recipient.
     *
     * @return the server's verdict on the recipient
     * @throws SmtpConnectionException if the connection failed before the server gave a verdict
     */
    SmtpOutcome send(OutgoingMessage m) {
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog == null ? null : watchdog.schedule(() -> {
            late.set(true);
            abort();
        }, cfg.messageDeadline().toMillis(), TimeUnit.MILLISECONDS);
        boolean open = false;
        try {
            boolean idle = System.nanoTime() - lastUse > IDLE_PROBE_NANOS;
            if (transport == null || (suspect || idle) && !transport.isConnected()) {
                open();
            }
            open = true;
            suspect = false;
            lastUse = System.nanoTime();
            m.sendThrough(deadline == null ? null : wireStream());
            transport.sendMessage(m, new Address[] {new InternetAddress(m.recipient(), false)});
            return SmtpOutcome.sent(transport.getLastServerResponse());
        } catch (MessagingException e) {
            SmtpOutcome outcome = late.get() ? null : SmtpOutcome.of(e);
            suspect = true;
            if (outcome == null) {
                close();
                throw new SmtpConnectionException(describe(), e, open && (late.get() || timedOut(e)));
            }
            return outcome;
        } catch (IllegalStateException notConnected) {
            close();
            throw new SmtpConnectionException(describe(), notConnected, false);
        } finally {
            m.sendThrough(null);
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /**
     * The stream of the plain socket the transport is writing to, for the body ({@link WireBody});
     * null under TLS (implicit or after STARTTLS: Angus's own stream then, its filter costs little
     * beside the encryption) or when the socket is gone. Only with a deadline: a write on it has no
     * write timeout of its own; the watchdog closing the socket bounds it.
     */
    private OutputStream wireStream() {
        Socket w = socket;
        if (w == null || w instanceof SSLSocket || transport.isSSL() || w.isClosed()) {
            return null;
        }
        try {
            return w.getOutputStream();
        } catch (IOException e) {
            return null; // closed under us: Angus's stream fails the same way and says so
        }
    }

    private static boolean timedOut(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() != null ? x.getCause()
                : x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** From the watchdog's thread: closes the socket under a stalled exchange, which then fails at once. */
    private void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    private void open() throws MessagingException {
        close();
        SMTPTransport t = (SMTPTransport) session.getTransport("smtp");
        t.connect(relay.user().orElse(null), relay.password().orElse(null));
        transport = t;
    }

    String describe() {
        return "the SMTP server " + (relay.name().equals("default") ? "" : "'" + relay.name() + "' ") + relay.host() + ":" + relay.port();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the connection is being thrown away; nothing to recover
            }
            transport = null;
        }
    }
}
