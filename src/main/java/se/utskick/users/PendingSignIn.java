package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A half-finished sign-in: the password was right, the code is still due. It opens nothing but the
 * code step ({@link Users#verifyCode}); {@link Users#session} never finds it. It ends
 * {@link Users#PENDING_LIFETIME} after the password, is never prolonged, and is used up by the right code.
 *
 * @param token     256 random bits, base64url (43 characters); only its SHA-256 is stored. Never log it.
 * @param csrfToken the value the code form must carry
 */
public record PendingSignIn(String token, String csrfToken, Instant expiresAt) {

    /** Constant-time comparison with a form's CSRF field; false for null. */
    public boolean csrfMatches(String formValue) {
        return formValue != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                formValue.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "PendingSignIn[expiresAt=" + expiresAt + "]";
    }
}
