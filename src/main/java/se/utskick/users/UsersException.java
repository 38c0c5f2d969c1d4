package se.utskick.users;

import se.utskick.UtskickException;

/** An account operation that cannot be done: the name is taken or malformed, the password too short, no such user. */
public class UsersException extends UtskickException {
    public UsersException(String message) {
        super(message);
    }
}
