package se.utskick.delivery;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * What the server said about one recipient: 2xx SENT, 4xx DEFERRED, 5xx FAILED (RFC 5321 §4.2.1),
 * and whether the enhanced status code is 5.1.x, an address problem (RFC 3463 §3.2), so the address
 * is marked invalid. A failure without an SMTP reply is not an outcome: it is a connection failure.
 */
record SmtpOutcome(DeliveryState state, String reply, boolean badAddress) {

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
            if (x instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                reply = a.getMessage();
            } else if (x instanceof SMTPSendFailedException s && s.getReturnCode() >= 400) {
                code = s.getReturnCode();
                reply = s.getMessage();
            }
            if (code >= 400 && code < 600) {
                reply = reply == null ? String.valueOf(code) : reply.strip();
                if (!reply.startsWith(String.valueOf(code))) {
                    reply = code + " " + reply;
                }
                return code < 500
                        ? new SmtpOutcome(DeliveryState.DEFERRED, clip(reply), false)
                        : new SmtpOutcome(DeliveryState.FAILED, clip(reply), reply.matches("(?s)\\d{3}[ -]5\\.1\\.\\d+.*"));
            }
        }
        return null;
    }

    private static String clip(String s) {
        String one = s == null ? "" : s.replaceAll("[\\r\\n]+", " ").strip();
        return one.length() > 500 ? one.substring(0, 500) : one;
    }
}
