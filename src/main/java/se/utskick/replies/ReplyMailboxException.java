package se.utskick.replies;

import se.utskick.UtskickException;

/** The reply mailbox could not be read (server unreachable, login refused): temporary, the next poll retries. */
public final class ReplyMailboxException extends UtskickException {
    public ReplyMailboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
