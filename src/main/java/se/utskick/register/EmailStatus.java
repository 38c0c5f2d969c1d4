package se.utskick.register;

/**
 * The state of a member's e-mail address. Only {@link #OK} addresses receive mail.
 *
 * <ul>
 *   <li>{@link #MISSING}: the register export has no address.</li>
 *   <li>{@link #INVALID}: the address is malformed (import) or the receiving server said it does not
 *       exist (delivery, SMTP 5.1.x); the raw value is kept for the membership officer.</li>
 *   <li>{@link #BOUNCED}: mail to it came back (replies). Stays so when an import brings the same
 *       address again; a different address resets it to OK.</li>
 * </ul>
 */
public enum EmailStatus {
    OK("OK"),
    MISSING("Saknas"),
    INVALID("Felaktig"),
    BOUNCED("Studsar");

    private final String label;

    EmailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether mail can be sent to an address in this state: the one definition {@link AddressRule} builds its SQL from. */
    public boolean usable() {
        return this == OK;
    }
}
