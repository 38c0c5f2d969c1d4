package se.utskick.delivery;

/**
 * Where delivery reports an address the receiving server refused permanently as an address
 * problem (5.1.x). Implemented over the register's {@code markAddress(memberId, expectedEmail,
 * INVALID, reason)} in the composition root; the expected email lets the register ignore a report
 * about an address that was changed meanwhile. Called from worker threads, after the outcome is
 * recorded; must be thread-safe.
 */
@FunctionalInterface
public interface InvalidAddresses {
    void markInvalid(long memberId, String email, String smtpReply);
}
