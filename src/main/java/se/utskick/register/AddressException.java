package se.utskick.register;

import se.utskick.UtskickException;

/** A corrected address that the register's own check ({@link EmailCheck}) does not accept; nothing was changed. */
public final class AddressException extends UtskickException {
    private final EmailCheck check;

    AddressException(EmailCheck check) {
        super(check.status() == EmailStatus.MISSING ? "no address was given; write the new address"
                : "the address is not usable: " + check.reason());
        this.check = check;
    }

    /** The verdict: status MISSING (blank input) or INVALID with its reason. */
    public EmailCheck check() {
        return check;
    }
}
