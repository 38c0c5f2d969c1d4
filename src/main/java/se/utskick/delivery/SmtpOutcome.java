package se.utskick.delivery;

import jakarta.mail.MessagingException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import se.utskick.smtp.RefusalCause;
import se.utskick.smtp.Refusals;

/**
 * What the server said about one recipient, decided by the command it answered and by cause
 * (RFC 5321 §4.2.1, RFC 3463): 2xx SENT, 4xx DEFERRED. A 5xx answer is
 * <ul>
 *   <li>BLOCKED when the server refused us rather than the recipient: any refusal of MAIL FROM (our
 *       envelope sender), and at RCPT or DATA an answer about the sender or policy (5.1.7, 5.1.8,
 *       5.7.x, blocklists, SPF/DKIM/DMARC); never marks the member;</li>
 *   <li>FAILED with {@code badAddress} only when the answer to RCPT TO (or to DATA, which concerns
 *       this one recipient) says that the recipient's address is bad ({@link RefusalCause#ADDRESS})
 *       and names no other address than the recipient's;</li>
 *   <li>FAILED otherwise (mailbox full, message too large, unclear).</li>
 * </ul>
 * A failure without an SMTP reply is not an outcome: it is a connection failure.
 */
record SmtpOutcome(DeliveryState state, String reply, boolean badAddress, boolean senderRefused) {
    // senderRefused: the answer was to MAIL FROM (our envelope sender): BLOCKED for 5xx, DEFERRED for 4xx

    /** An outcome that is not a refusal of our envelope sender. */
    SmtpOutcome(DeliveryState state, String reply, boolean badAddress) {
        this(state, reply, badAddress, false);
    }
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");
    private static final Pattern ADDRESS = Pattern.compile("<?([^\\s<>@;:,\"']{1,64}@[A-Za-z0-9.-]{1,253})>?");

    /** The command the server answered. */
    enum Phase { MAIL, RCPT, DATA }

    static SmtpOutcome sent(String reply) {
        return new SmtpOutcome(DeliveryState.SENT, clip(reply), false);
    }

    static SmtpOutcome refused(String why) {
        return new SmtpOutcome(DeliveryState.FAILED, clip(why), false);
    }

    /** The outcome carried by an Angus exception, or null if it carries no SMTP reply code. */
    static SmtpOutcome of(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = 0;
            String reply = null;
            Phase phase = Phase.DATA;
            String recipient = null;
            if (x instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                reply = a.getMessage();
                phase = Phase.RCPT;
                recipient = a.getAddress() == null ? null : a.getAddress().getAddress();
            } else if (x instanceof SMTPSenderFailedException s) {
                code = s.getReturnCode();
                reply = s.getMessage();
                phase = Phase.MAIL;
            } else if (x instanceof SMTPSendFailedException s && s.getReturnCode() >= 400) {
                code = s.getReturnCode();
                reply = s.getMessage();
                String cmd = s.getCommand() == null ? "" : s.getCommand().toUpperCase(Locale.ROOT);
                phase = cmd.startsWith("MAIL") ? Phase.MAIL : cmd.startsWith("RCPT") ? Phase.RCPT : Phase.DATA;
            }
            if (code >= 400 && code < 600) {
                reply = reply == null ? String.valueOf(code) : reply.strip();
                if (!reply.startsWith(String.valueOf(code))) {
                    reply = code + " " + reply;
                }
                return of(phase, code, reply, recipient);
            }
        }
        return null;
    }

    /**
     * The outcome of a refusal: {@code code} the basic reply code, {@code reply} the server's answer,
     * {@code recipient} the address refused (null if unknown, then an answer naming any address
     * counts as naming the recipient's).
     */
    static SmtpOutcome of(Phase phase, int code, String reply, String recipient) {
        if (code < 500) {
            // a 4xx to MAIL FROM is the relay's answer about us: another relay may take the message (senderRefused)
            return new SmtpOutcome(DeliveryState.DEFERRED, clip(reply), false, phase == Phase.MAIL);
        }
        if (phase == Phase.MAIL) {
            return new SmtpOutcome(DeliveryState.BLOCKED, clip(reply), false, true);
        }
        return switch (Refusals.cause(null, reply, 5)) {
            case POLICY -> new SmtpOutcome(DeliveryState.BLOCKED, clip(reply), false);
            // an answer about another address (a forwarding target, our sender) is not about this one
            case ADDRESS -> new SmtpOutcome(DeliveryState.FAILED, clip(reply), !namesAnotherAddress(reply, recipient));
            case TEMPORARY, MESSAGE -> new SmtpOutcome(DeliveryState.FAILED, clip(reply), false);
        };
    }

    /** True if the answer names an address and none of those is the recipient's (e.g. our envelope sender). */
    private static boolean namesAnotherAddress(String reply, String recipient) {
        if (recipient == null) {
            return false;
        }
        Matcher m = ADDRESS.matcher(reply);
        boolean any = false;
        while (m.find()) {
            any = true;
            if (m.group(1).equalsIgnoreCase(recipient)) {
                return false;
            }
        }
        return any;
    }

    private static String clip(String s) {
        // no regex per message: a reply of one line (the usual "250 2.0.0 Ok") is kept as it is
        String one = s == null ? "" : s.indexOf('\r') < 0 && s.indexOf('\n') < 0 ? s.strip() : LINE_BREAKS.matcher(s).replaceAll(" ").strip();
        return one.length() > 500 ? one.substring(0, 500) : one;
    }
}
