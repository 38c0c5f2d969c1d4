package se.utskick;

/**
 * The root of every exception Utskick throws on purpose. Its message is written for the person
 * at the keyboard: it names what failed (the file and line, the letter, the key) and, where there
 * is one, the fix. The command line prints only this message unless {@code --verbose} is given.
 */
public class UtskickException extends RuntimeException {
    public UtskickException(String message) {
        super(message);
    }

    public UtskickException(String message, Throwable cause) {
        super(message, cause);
    }
}
