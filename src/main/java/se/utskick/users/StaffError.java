package se.utskick.users;

import se.utskick.UserError;

/** The refusals of staff administration, each with its {@code error.staff.*} text; nothing was changed. */
public final class StaffError {
    private StaffError() {
    }

    /** No such account, or a password link that is unknown, used or expired. */
    public static final class NotFound extends UserError {
        NotFound(String key, String english) {
            super(Kind.NOT_FOUND, key, null, "staff", english);
        }
    }

    /** A change the account's state does not allow (e.g. disabling oneself). */
    public static final class WrongState extends UserError {
        WrongState(String key, String english, String username) {
            super(Kind.WRONG_STATE, key, null, "user " + username, english);
        }
    }

    /** A form field with a wrong value. */
    public static final class InvalidField extends UserError {
        InvalidField(String field, String key, String english, Object... args) {
            super(Kind.INVALID_FIELD, key, field, "staff form", english, args);
        }
    }
}
