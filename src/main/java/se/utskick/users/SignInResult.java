package se.utskick.users;

import java.time.Duration;

/** The outcome of {@link Users#signIn}, the first of the two sign-in steps (the password). */
public sealed interface SignInResult {

    /**
     * The name and password were right, the account is active and enrolled: the second step
     * ({@link Users#verifyCode}) takes the pending sign-in's token and the code from the app.
     */
    record CodeNeeded(PendingSignIn pending) implements SignInResult {
    }

    /**
     * The name and password were right but the account has no usable second factor (never enrolled,
     * or its secret was sealed under another {@code security.secret}): refused until an administrator
     * runs {@code utskick users totp-reset USERNAME}. Nothing was opened.
     */
    record NotEnrolled(String username) implements SignInResult {
    }

    /**
     * Wrong name or password, or a disabled account: the same answer, after a similar time (the
     * password is checked against a dummy hash when the name is unknown), so neither the answer
     * nor its timing tells which names exist.
     */
    record Refused() implements SignInResult {
    }

    /**
     * Too many failures for this name or from this client address within the window: the password
     * was not checked. Try again after {@code retryAfter}.
     */
    record Throttled(Duration retryAfter) implements SignInResult {
    }

    /**
     * The server is checking as many passwords as it can hold in memory and none came free within a
     * short wait: the password was not checked and the attempt does not count as a failure. Try
     * again after {@code retryAfter}.
     */
    record Busy(Duration retryAfter) implements SignInResult {
    }
}
