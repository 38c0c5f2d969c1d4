package se.utskick.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link ScriptedSmtpServer} answers: by default everything is accepted (250), and each
 * setting below changes one answer. Settings may be changed while the server runs; each applies from
 * the next command it concerns.
 *
 * <ul>
 * <li>{@link #refuseSender}: the reply to every MAIL FROM (null: 250).</li>
 * <li>{@link #refuse}: the reply to RCPT TO for one address; {@link #rcptRule}: a function of the
 *     address (lower case) and its attempt number (1 on the first RCPT TO of that address on this
 *     server), asked first. A rule may answer, besides a reply line, {@link #STALL} (never answer,
 *     until the client closes) or {@link #DROP_IN_DATA} (accept, then cut the connection in the middle
 *     of the message's DATA). A 421 reply closes the connection after it is sent, as RFC 5321 says.</li>
 * <li>{@link #signIn}: EHLO offers AUTH PLAIN LOGIN and MAIL FROM is refused (530) until the client
 *     signed in with these credentials (535 for wrong ones).</li>
 * <li>{@link #offerStartTls}: EHLO offers STARTTLS, which is then answered 454 (no certificate).</li>
 * <li>{@link #silent}: connections are accepted and never spoken to.</li>
 * <li>{@link #hangAfter}: once n messages were accepted, MAIL FROM is never answered.</li>
 * <li>{@link #slow}: the end of each message's DATA is answered only after that long.</li>
 * <li>{@link #countOnly}: the message bytes are not kept, only envelope and counts (large runs).</li>
 * <li>{@link #relayTo}: every message accepted is passed on to the SMTP server on that loopback
 *     port (e.g. GreenMail) before the 250 is given; if that fails the client gets 451.</li>
 * </ul>
 * {@link #faults()} is the set of faults chosen by the recipient's local part that the delivery tests use.
 */
public final class SmtpScript {
    /** A rule's answer: say nothing to this RCPT TO until the client closes the connection. */
    public static final String STALL = "(stall)";
    /** A rule's answer: accept this RCPT TO (250), then close the connection half-way through DATA. */
    public static final String DROP_IN_DATA = "(drop in data)";

    /** A function of (address in lower case, attempt number from 1) to the reply, or null for 250. */
    @FunctionalInterface
    public interface RcptRule {
        String answer(String address, int attempt);
    }

    private final Map<String, String> rcpt = new ConcurrentHashMap<>();
    private volatile RcptRule rule;
    private volatile String mailFrom;
    volatile String user;
    volatile String password;
    volatile boolean startTls;
    volatile boolean silent;
    volatile int hangAfter = -1;
    volatile long perMessageMs;
    volatile boolean keepData = true;
    volatile int relayPort;

    /**
     * The delivery tests' faults, by the recipient's local-part prefix: {@code t421…} answers 421 and
     * closes the first time; {@code t451…} answers 451 4.3.0 the first two times; {@code p550…} always
     * 550 5.1.1; {@code drop…} is cut in the middle of DATA the first time; {@code stall…} never
     * answers RCPT, on every attempt. Every other address is accepted.
     */
    public static SmtpScript faults() {
        return new SmtpScript().rcptRule((to, attempt) -> {
            if (to.startsWith("stall")) {
                return STALL;
            } else if (to.startsWith("t421") && attempt == 1) {
                return "421 4.3.2 shutting down";
            } else if (to.startsWith("t451") && attempt <= 2) {
                return "451 4.3.0 try again later";
            } else if (to.startsWith("p550")) {
                return "550 5.1.1 no such user here";
            } else if (to.startsWith("drop") && attempt == 1) {
                return DROP_IN_DATA;
            }
            return null;
        });
    }

    /** The reply to every MAIL FROM; null accepts again. */
    public SmtpScript refuseSender(String reply) {
        mailFrom = reply;
        return this;
    }

    /** The reply to RCPT TO for {@code address} (any case). */
    public SmtpScript refuse(String address, String reply) {
        rcpt.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** Forgets every {@link #refuse}: those addresses are accepted again. */
    public SmtpScript acceptEveryRecipient() {
        rcpt.clear();
        return this;
    }

    /** Asked before {@link #refuse}'s map; null from it falls through to the map, then 250. */
    public SmtpScript rcptRule(RcptRule r) {
        rule = r;
        return this;
    }

    public SmtpScript signIn(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    public SmtpScript offerStartTls() {
        startTls = true;
        return this;
    }

    public SmtpScript silent() {
        silent = true;
        return this;
    }

    public SmtpScript hangAfter(int messages) {
        hangAfter = messages;
        return this;
    }

    public SmtpScript slow(Duration perMessage) {
        perMessageMs = perMessage.toMillis();
        return this;
    }

    public SmtpScript countOnly() {
        keepData = false;
        return this;
    }

    public SmtpScript relayTo(int port) {
        relayPort = port;
        return this;
    }

    String mailFromReply() {
        return mailFrom;
    }

    /** The scripted reply to RCPT TO, or null for 250. */
    String rcptReply(String address, int attempt) {
        String a = address.toLowerCase(Locale.ROOT);
        RcptRule r = rule;
        String answer = r == null ? null : r.answer(a, attempt);
        return answer != null ? answer : rcpt.get(a);
    }
}
