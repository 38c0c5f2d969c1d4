package se.utskick.doctor;

import se.utskick.UtskickException;

/** A DNS lookup that got no answer (timeout, server failure): not the same as "no such record". */
public final class DnsException extends UtskickException {
    public DnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
