package se.utskick.users;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A new second-factor secret of an account, to be shown once to the operator, who puts it in the
 * staff member's authenticator app (as the {@link #uri} in a QR code, or typed as {@link #grouped}).
 * It is stored only encrypted; {@link #toString} does not show it.
 *
 * @param username the account
 * @param secret   160 bits in base32, without padding (32 characters)
 */
public record TotpEnrolment(String username, String secret) {

    /** The Key Uri Format of authenticator apps: {@code otpauth://totp/Utskick:NAME?secret=...&issuer=Utskick}. */
    public String uri() {
        return "otpauth://totp/Utskick:" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20")
                + "?secret=" + secret + "&issuer=Utskick&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /** The secret in groups of four, for typing: {@code ABCD EFGH ...}. */
    public String grouped() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "TotpEnrolment[username=" + username + ", secret hidden]";
    }
}
