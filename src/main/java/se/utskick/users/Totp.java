package se.utskick.users;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 over RFC 4226 (HOTP): HMAC-SHA1, a 30-second step counted
 * from the Unix epoch, 6 digits, as every authenticator app computes them by default. Secrets are
 * 160 random bits, written in base32 (RFC 4648, no padding) for the app. Stateless and thread-safe;
 * the replay guard (a step is accepted once) is the caller's ({@link Users#verifyCode}).
 */
public final class Totp {
    /** Seconds per time step. */
    public static final long STEP_SECONDS = 30;
    /** Digits of a code. */
    public static final int DIGITS = 6;
    /** Secret length in bytes (160 bits, the size of an HMAC-SHA1 block output, as RFC 4226 recommends). */
    public static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random secret of {@link #SECRET_BYTES} bytes. */
    static byte[] newSecret() {
        byte[] b = new byte[SECRET_BYTES];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The time step of an instant: whole 30-second periods since 1970-01-01T00:00:00Z. */
    public static long step(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of {@code secret} (base32) at {@code t}, zero-padded: what the app shows then. */
    public static String code(String base32Secret, Instant t) {
        return code(base32Decode(base32Secret), step(t), DIGITS, "HmacSHA1");
    }

    /**
     * HOTP (RFC 4226 section 5.3) of {@code counter}: dynamic truncation of the HMAC, modulo 10^digits,
     * zero-padded. {@code algorithm} is a JCA MAC name (HmacSHA1 here; RFC 6238 also names SHA-256/512).
     */
    static String code(byte[] key, long counter, int digits, String algorithm) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, "RAW"));
            h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        long mod = 1;
        for (int i = 0; i < digits; i++) {
            mod *= 10;
        }
        String s = Long.toString(bin % mod);
        return "0".repeat(digits - s.length()) + s;
    }

    /**
     * The step within {@code ±window} steps of {@code now} whose code is {@code typed}, if any. Every
     * candidate is computed and compared in constant time, so the timing says nothing about which matched.
     */
    static OptionalLong matchingStep(byte[] key, String typed, Instant now, int window) {
        long current = step(now);
        long found = Long.MIN_VALUE;
        byte[] t = typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long s = current - window; s <= current + window; s++) {
            byte[] c = code(key, s, DIGITS, "HmacSHA1").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(c, t) && found == Long.MIN_VALUE) {
                found = s;
            }
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Base32 (RFC 4648 alphabet), upper case, without padding. */
    public static String base32Encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * Decodes base32 as apps and people write it: case, spaces, hyphens and '=' padding are ignored.
     *
     * @throws IllegalArgumentException naming the first character outside the alphabet
     */
    public static byte[] base32Decode(String text) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[\\s=-]", "");
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = BASE32.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + s.charAt(i) + "' at position " + (i + 1) + " is not base32 (A-Z, 2-7)");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
