package se.utskick.delivery;

import se.utskick.UtskickException;

/**
 * The SMTP connection failed before the server gave a verdict on the recipient (refused, timed
 * out, dropped in the middle of DATA). Temporary, and held against the connection: the message
 * goes back to the queue without counting against the recipient, unless the server {@link #stalled}
 * on it after the connection was open.
 */
public final class SmtpConnectionException extends UtskickException {
    private final boolean stalled;

    SmtpConnectionException(String server, Throwable cause) {
        this(server, cause, false);
    }

    /** @param stalled the connection was open and the server gave no answer in time (a read timeout or the message deadline) */
    SmtpConnectionException(String server, Throwable cause, boolean stalled) {
        super((stalled ? "no answer in time from " : "lost the connection to ") + server + ": " + rootMessage(cause)
                + (stalled ? "" : " (check smtp.host, smtp.port, smtp.tls and smtp.starttls; the messages stay queued)"), cause);
        this.stalled = stalled;
    }

    /**
     * True if the server stalled on this message after the connection was open: the sender counts
     * it as a temporary failure of the message (DEFERRED), so one recipient that always stalls
     * cannot keep a letter sending forever.
     */
    public boolean stalled() {
        return stalled;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
    }
}
