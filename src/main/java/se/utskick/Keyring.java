package se.utskick;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from the one deployment secret ({@code security.secret}), one per purpose, so that
 * a token signature can never be replayed as an erasure hash or the other way round.
 *
 * <p>Derivation: {@code key(purpose) = HMAC-SHA256(secret, "utskick/" + purpose)}; a MAC under a
 * purpose is {@code HMAC-SHA256(key(purpose), data)}. Thread-safe (a new {@link Mac} per call).
 * The secret itself is never logged; {@link #toString} does not show it.
 */
public final class Keyring {
    /** The value shipped in config/utskick.properties, fine for the demo, refused by {@link #requireProductionSecret}. */
    public static final String DEMO_SECRET = "demo-secret-change-me-before-sending-real-mail-0000";
    private static final int MIN_LENGTH = 32;

    private final byte[] secret;

    private Keyring(byte[] secret) {
        this.secret = secret;
    }

    public static Keyring from(Config config) {
        String s = config.required("security.secret");
        if (s.length() < MIN_LENGTH) {
            throw new ConfigException("the configuration key security.secret must be at least " + MIN_LENGTH
                    + " characters (generate one with: openssl rand -base64 48), set it in config or as "
                    + Config.envName("security.secret"));
        }
        return new Keyring(s.getBytes(StandardCharsets.UTF_8));
    }

    public static Keyring of(String secret) {
        return new Keyring(secret.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isDemoSecret() {
        return new String(secret, StandardCharsets.UTF_8).equals(DEMO_SECRET);
    }

    /** HMAC-SHA256 of {@code data} under the key for {@code purpose}. */
    public byte[] mac(String purpose, byte[] data) {
        return hmac(hmac(secret, ("utskick/" + purpose).getBytes(StandardCharsets.UTF_8)), data);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Keyring[secret hidden]";
    }
}
