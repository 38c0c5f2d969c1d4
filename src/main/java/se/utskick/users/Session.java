package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * A signed-in browser session.
 *
 * @param token     the cookie value: 256 random bits, base64url without padding (43 characters);
 *                  only its SHA-256 is stored. Never log it.
 * @param csrfToken the value every form of this session must carry (256 random bits, base64url)
 * @param expiresAt when it ends unless used again: the idle timeout from the last use, capped by
 *                  the absolute lifetime from sign-in
 */
public record Session(String token, User user, String csrfToken, Instant expiresAt) {

    /** Constant-time comparison with a form's CSRF field; false for null. */
    public boolean csrfMatches(String formValue) {
        if (formValue == null || csrfToken == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                formValue.getBytes(StandardCharsets.US_ASCII));
    }

    /** Without the token and CSRF values, so a session printed by mistake leaks nothing. */
    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", expiresAt=" + expiresAt + "]";
    }
}
