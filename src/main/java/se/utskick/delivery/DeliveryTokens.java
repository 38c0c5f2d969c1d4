package se.utskick.delivery;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.utskick.Keyring;

/**
 * The per-delivery token: 24 lower-case base32 characters (RFC 4648 alphabet), the encoding of
 * 5 bytes of delivery id (big-endian, ids below 2^40) followed by the first 10 bytes of
 * {@code HMAC-SHA256(k, id)}, where {@code k = keyring.mac("delivery-token", "token-key")} is derived once;
 * each thread keeps its own initialised {@link Mac}, since a token is made for every message. Being derived from the id it is never stored.
 * It is safe in a URL path and in an address local part; decoding ignores case, since mail
 * systems may change the case of a local part. Verification compares in constant time.
 *
 * <p>Thread-safe and immutable.
 */
public final class DeliveryTokens {
    static final int LENGTH = 24;
    private static final int ID_BYTES = 5;
    private static final int MAC_BYTES = 10;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String PURPOSE = "delivery-token";

    private final ThreadLocal<Mac> macs;
    private final DeliveryTokens pages;

    public DeliveryTokens(Keyring keyring) {
        this(keyring, PURPOSE);
    }

    /** Tokens of the same form under another key: {@link #pages()} signs the association page links. */
    private DeliveryTokens(Keyring keyring, String purpose) {
        this.pages = purpose.equals(PURPOSE) ? new DeliveryTokens(keyring, "association-page-token") : null;
        byte[] key = keyring.mac(purpose, "token-key".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
            }
        });
    }

    /**
     * The tokens of the association page links ({@code /forening/TOKEN}): the same form, derived from
     * the same delivery id, under the key of purpose {@code association-page-token}, so a reply or
     * unsubscribe token never opens a page and a page token never unsubscribes anyone.
     */
    public DeliveryTokens pages() {
        if (pages == null) {
            throw new IllegalStateException("page tokens have no page tokens of their own");
        }
        return pages;
    }

    private byte[] mac(byte[] id) {
        return macs.get().doFinal(id);
    }

    public String issue(long deliveryId) {
        if (deliveryId <= 0 || deliveryId >= 1L << (8 * ID_BYTES)) {
            throw new IllegalArgumentException("delivery id out of token range: " + deliveryId);
        }
        byte[] raw = new byte[ID_BYTES + MAC_BYTES];
        byte[] id = idBytes(deliveryId);
        System.arraycopy(id, 0, raw, 0, ID_BYTES);
        System.arraycopy(mac(id), 0, raw, ID_BYTES, MAC_BYTES);
        return base32(raw);
    }

    /** The delivery id of a genuine token; empty if it is forged, truncated or malformed. */
    public OptionalLong verify(String token) {
        if (token == null || token.length() != LENGTH) {
            return OptionalLong.empty();
        }
        byte[] raw = unbase32(token.toLowerCase(Locale.ROOT));
        if (raw == null) {
            return OptionalLong.empty();
        }
        byte[] id = java.util.Arrays.copyOf(raw, ID_BYTES);
        byte[] expected = java.util.Arrays.copyOf(mac(id), MAC_BYTES);
        byte[] given = java.util.Arrays.copyOfRange(raw, ID_BYTES, raw.length);
        if (!MessageDigest.isEqual(expected, given)) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (byte b : id) {
            value = value << 8 | (b & 0xff);
        }
        return value == 0 ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static byte[] idBytes(long id) {
        byte[] b = new byte[ID_BYTES];
        for (int i = ID_BYTES - 1; i >= 0; i--, id >>>= 8) {
            b[i] = (byte) id;
        }
        return b;
    }

    /** 15 bytes → 24 characters, no padding needed. */
    private static String base32(byte[] raw) {
        StringBuilder sb = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        for (byte b : raw) {
            buffer = buffer << 8 | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt(buffer >>> (bits - 5) & 31));
                bits -= 5;
            }
        }
        return sb.toString();
    }

    private static byte[] unbase32(String s) {
        byte[] out = new byte[ID_BYTES + MAC_BYTES];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                return null;
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
