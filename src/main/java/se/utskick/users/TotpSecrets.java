package se.utskick.users;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import se.utskick.Keyring;

/**
 * Seals second-factor secrets for {@code user_account.totp_secret}: AES-256-GCM under
 * {@code keyring.mac("users/totp-secret", "aes-256-gcm")}, a random 96-bit nonce per seal, the
 * username as associated data (a sealed secret copied to another account's row does not open).
 * Stored as nonce (12 bytes) || ciphertext || tag (16 bytes): 48 bytes for a 20-byte secret. So a
 * copy of the database alone does not give the secrets; a changed {@code security.secret} makes
 * them unreadable ({@link #open} is empty) and every account must be enrolled again.
 */
final class TotpSecrets {
    static final String PURPOSE = "users/totp-secret";
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    TotpSecrets(Keyring keyring) {
        this.key = new SecretKeySpec(keyring.mac(PURPOSE, "aes-256-gcm".getBytes(StandardCharsets.US_ASCII)), "AES");
    }

    byte[] seal(String username, byte[] secret) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }

    /** The secret, or empty if it was sealed under another key or for another account, or is damaged. */
    Optional<byte[]> open(String username, byte[] stored) {
        if (stored == null || stored.length <= NONCE + 16) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE));
            c.updateAAD(username.getBytes(StandardCharsets.UTF_8));
            return Optional.of(c.doFinal(stored, NONCE, stored.length - NONCE));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this JVM", e);
        }
    }
}
