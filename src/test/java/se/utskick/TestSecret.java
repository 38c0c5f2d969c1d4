package se.utskick;

/**
 * The deployment secret of the tests' configurations: at least 32 bytes and not the shipped demo
 * secret, which every start outside the demo refuses ({@link Keyring#requireProductionSecret}).
 */
public final class TestSecret {
    public static final String VALUE = "test-secret-not-the-demo-one-0123456789-abcdef";

    private TestSecret() {
    }
}
