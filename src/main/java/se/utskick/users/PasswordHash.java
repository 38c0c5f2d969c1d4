package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) password hashes as PHC strings: {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}
 * (salt 16 bytes, hash 32 bytes, both base64 without padding). The string carries its own parameters,
 * so a stored hash stays verifiable after the configured ones are raised ({@link #isCurrent} tells
 * when to re-hash).
 *
 * <p>A password is hashed as the UTF-8 bytes of its NFC form, so "å" typed as one code point or as
 * "a" + ring verifies alike. Thread-safe; at most one hash per processor runs at a time, so a flood
 * of sign-ins cannot allocate the hash memory without bound.
 */
final class PasswordHash {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final Params current;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private volatile String dummy;

    record Params(int memoryKib, int iterations, int parallelism) {
        String phc() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    record Parsed(Params params, byte[] salt, byte[] hash) {
    }

    PasswordHash(int memoryKib, int iterations, int parallelism) {
        this.current = new Params(memoryKib, iterations, parallelism);
    }

    /** A new hash of {@code password} with a fresh salt and the configured parameters. */
    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] h = argon2(current, salt, password, HASH_BYTES);
        return "$argon2id$v=19$" + current.phc() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /** True if {@code password} matches {@code phc}; false also for a malformed or foreign string. */
    boolean verify(char[] password, String phc) {
        Optional<Parsed> p = parse(phc);
        if (p.isEmpty()) {
            verifyDummy(password);
            return false;
        }
        byte[] h = argon2(p.get().params(), p.get().salt(), password, p.get().hash().length);
        return MessageDigest.isEqual(h, p.get().hash());
    }

    /** Spends the time of one verification, for a name that does not exist. */
    void verifyDummy(char[] password) {
        String d = dummy;
        if (d == null) {
            dummy = hash("no account has this password".toCharArray()); // as long as one verification
            return;
        }
        Parsed p = parse(d).orElseThrow();
        argon2(p.params(), p.salt(), password, p.hash().length);
    }

    /** True if {@code phc} was made with the configured parameters (else re-hash at the next sign-in). */
    boolean isCurrent(String phc) {
        return parse(phc).map(p -> p.params().equals(current) && p.hash().length == HASH_BYTES).orElse(false);
    }

    static Optional<Parsed> parse(String phc) {
        if (phc == null) {
            return Optional.empty();
        }
        String[] part = phc.split("\\$", -1);
        if (part.length != 6 || !part[0].isEmpty() || !part[1].equals("argon2id") || !part[2].equals("v=19")) {
            return Optional.empty();
        }
        try {
            String[] kv = part[3].split(",", -1);
            if (kv.length != 3 || !kv[0].startsWith("m=") || !kv[1].startsWith("t=") || !kv[2].startsWith("p=")) {
                return Optional.empty();
            }
            Params params = new Params(Integer.parseInt(kv[0].substring(2)), Integer.parseInt(kv[1].substring(2)),
                    Integer.parseInt(kv[2].substring(2)));
            byte[] salt = B64_IN.decode(part[4]);
            byte[] hash = B64_IN.decode(part[5]);
            boolean sane = params.memoryKib() >= 8 * params.parallelism() && params.memoryKib() <= 4_194_304
                    && params.iterations() >= 1 && params.iterations() <= 20 && params.parallelism() >= 1
                    && params.parallelism() <= 16 && salt.length >= 8 && hash.length >= 16 && hash.length <= 64;
            return sane ? Optional.of(new Parsed(params, salt, hash)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] argon2(Params p, byte[] salt, char[] password, int length) {
        byte[] pw = Normalizer.normalize(java.nio.CharBuffer.wrap(password), Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        permits.acquireUninterruptibly();
        try {
            gen.generateBytes(pw, out);
        } finally {
            permits.release();
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }
}
