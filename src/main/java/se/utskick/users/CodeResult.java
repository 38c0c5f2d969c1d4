package se.utskick.users;

import java.time.Duration;

/** The outcome of {@link Users#verifyCode}, the second sign-in step (the code from the authenticator app). */
public sealed interface CodeResult {

    /** The code was right and unused: the pending sign-in is used up and this session opened. */
    record SignedIn(Session session) implements CodeResult {
    }

    /** Not a code at all (not 6 digits): refused without checking or counting; the pending sign-in stays. */
    record Malformed() implements CodeResult {
    }

    /**
     * A wrong code, or a right one already used (a replay): refused, counted as a failed sign-in of
     * the name and the address, audited as {@code user.signin.totp-failed}. The pending sign-in stays
     * (the throttle bounds the guesses).
     */
    record WrongCode() implements CodeResult {
    }

    /** Too many failures for this name or address within the window: the code was not checked. */
    record Throttled(Duration retryAfter) implements CodeResult {
    }

    /** No pending sign-in for that token: never one, expired (5 minutes), used up or ended. Start again with the password. */
    record Expired() implements CodeResult {
    }
}
