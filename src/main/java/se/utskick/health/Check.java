package se.utskick.health;

/**
 * One part's answer. {@code detail} is one line for an operator (English, like the logs), never
 * personal data.
 */
public record Check(String name, Status status, String detail) {
    public enum Status { OK, WARN, FAIL }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail);
    }

    public static Check warn(String name, String detail) {
        return new Check(name, Status.WARN, detail);
    }

    public static Check fail(String name, String detail) {
        return new Check(name, Status.FAIL, detail);
    }
}
