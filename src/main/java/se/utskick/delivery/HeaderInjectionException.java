package se.utskick.delivery;

import se.utskick.UtskickException;

/** A header value built from data holds CR, LF or NUL; the message is not sent. Names the field, never the value. */
public final class HeaderInjectionException extends UtskickException {
    HeaderInjectionException(String what) {
        super("refusing a line break in the header value of " + what
                + " (a name, subject or address with CR/LF could inject headers); fix the data");
    }
}
