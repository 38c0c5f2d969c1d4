package se.utskick.delivery;

import se.utskick.UtskickException;

/**
 * The SMTP connection failed before the server gave a verdict on the recipient (refused, timed
 * out, dropped in the middle of DATA). Temporary, and held against the connection: the message
 * goes back to the queue without counting against the recipient.
 */
public final class SmtpConnectionException extends UtskickException {
    SmtpConnectionException(String server, Throwable cause) {
        super("lost the connection to " + server + ": " + rootMessage(cause)
                + " (check smtp.host, smtp.port, smtp.tls and smtp.starttls; the messages stay queued)", cause);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
