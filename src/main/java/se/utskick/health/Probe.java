package se.utskick.health;

/**
 * A part of the node that can say how it is. Contract: answers within about a second, never
 * throws (a failure to find out is itself a FAIL with the reason).
 */
@FunctionalInterface
public interface Probe {
    Check check();
}
