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
    /** The shortest secret accepted, in UTF-8 bytes. */
    public static final int MIN_BYTES = 32;
    private static final String KEY = "security.secret";

    private final byte[] secret;

    private Keyring(byte[] secret) {
        this.secret = secret;
    }

    /**
     * The keyring of the configured {@code security.secret}, after {@link #requireProductionSecret}
     * (in the demo's configuration, {@link Config#isDemo}, the shipped demo secret is allowed; an
     * empty or short one never is). The composition root builds its keyring here, so no graph
     * outside the demo runs on a secret anyone can read in the repository.
     *
     * @throws ConfigException naming the key, its variable and the fix
     */
    public static Keyring from(Config config) {
        String s = config.optional(KEY).orElse("");
        if (config.isDemo() && s.equals(DEMO_SECRET)) {
            return new Keyring(s.getBytes(StandardCharsets.UTF_8));
        }
        requireProductionSecret(s);
        return new Keyring(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Refuses a secret unfit for real mail: empty, shorter than {@link #MIN_BYTES} bytes, or the
     * shipped {@link #DEMO_SECRET} (published with the code: anyone could sign tokens with it, and
     * forge unsubscribe links or replies). The message names the key, its variable and the fix,
     * never the value.
     */
    public static void requireProductionSecret(String secret) {
        String fix = "; generate one with: openssl rand -base64 48  and set it as " + KEY + " in config/utskick.properties"
                + " or in the environment as " + Config.envName(KEY);
        if (secret == null || secret.isEmpty()) {
            throw new ConfigException("the configuration key " + KEY + " is not set" + fix);
        }
        if (secret.equals(DEMO_SECRET)) {
            throw new ConfigException("the configuration key " + KEY + " is the demo value shipped with Utskick, which anyone"
                    + " can read, so tokens signed with it (unsubscribe links, reply addresses) could be forged; it is"
                    + " accepted only by the demo command" + fix);
        }
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new ConfigException("the configuration key " + KEY + " is " + bytes + " bytes long but must be at least "
                    + MIN_BYTES + fix);
        }
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
