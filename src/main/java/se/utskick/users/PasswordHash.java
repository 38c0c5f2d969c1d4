package se.utskick.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) password hashes as PHC strings: {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH}
 * (salt 16 bytes, hash 32 bytes, both base64 without padding). The string carries its own parameters,
 * so a stored hash stays verifiable after the configured ones are raised ({@link #isCurrent} tells
 * when to re-hash).
 *
 * <p>A password is hashed as the UTF-8 bytes of its NFC form, so "å" typed as one code point or as
 * "a" + ring verifies alike. Thread-safe.
 *
 * <p>Bounded: a hash allocates its whole Argon2 memory ({@code m} KiB) when the generator is
 * initialised, so a permit is taken <em>before</em> that, and at most {@link #permits()} hashes
 * (one per processor, fewer if the heap could not hold their memory twice over) hold memory at any
 * time. A sign-in check ({@link #verify}, {@link #verifyDummy}) waits at most {@code wait} for a
 * permit and then gives up with {@link Busy}, so a flood of sign-ins is shed instead of running the
 * process out of memory; making a hash for an account ({@link #hash}) waits its turn.
 */
final class PasswordHash {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_IN = Base64.getDecoder();

    private final Params current;
    private final SecureRandom random = new SecureRandom();
    private final int permitCount;
    private final Semaphore permits;
    private final Duration wait;
    private final LongAdder checks = new LongAdder();
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger peakHolding = new AtomicInteger();
    private volatile String dummy;

    /** No permit to hash within the wait: the server is busy hashing; the password was not checked. */
    static final class Busy extends RuntimeException {
        Busy() {
            super("password hashing is busy", null, false, false);
        }
    }

    record Params(int memoryKib, int iterations, int parallelism) {
        String phc() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    record Parsed(Params params, byte[] salt, byte[] hash) {
    }

    PasswordHash(int memoryKib, int iterations, int parallelism) {
        this(memoryKib, iterations, parallelism, Duration.ofSeconds(2));
    }

    /** @param wait how long a sign-in check waits for a permit before it is shed with {@link Busy} */
    PasswordHash(int memoryKib, int iterations, int parallelism, Duration wait) {
        this.current = new Params(memoryKib, iterations, parallelism);
        long perHash = memoryKib * 1024L;
        long affordable = Runtime.getRuntime().maxMemory() / 2 / Math.max(1, perHash);
        this.permitCount = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), affordable));
        this.permits = new Semaphore(permitCount, true);
        this.wait = wait;
    }

    /** How many hashes may hold their memory at once. */
    int permits() {
        return permitCount;
    }

    /** How many passwords have been checked (against a stored or the dummy hash) since start. */
    long checks() {
        return checks.sum();
    }

    /** Takes every permit until the returned handle is closed (tests of shedding). */
    AutoCloseable occupyAll() {
        permits.acquireUninterruptibly(permitCount);
        return () -> permits.release(permitCount);
    }

    /** The most hashes that held their memory at the same time since start. */
    int peakConcurrent() {
        return peakHolding.get();
    }

    /** A new hash of {@code password} with a fresh salt and the configured parameters; waits its turn. */
    String hash(char[] password) {
        return hash(password, false);
    }

    /**
     * As {@link #hash(char[])}; with {@code shed}, gives up like a sign-in check does.
     *
     * @throws Busy with {@code shed}, if no permit came within the wait
     */
    String hash(char[] password, boolean shed) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] h = argon2(current, salt, password, HASH_BYTES, shed);
        return "$argon2id$v=19$" + current.phc() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /**
     * True if {@code password} matches {@code phc}; false also for a malformed or foreign string.
     *
     * @throws Busy if no permit to hash came within the wait (nothing was checked)
     */
    boolean verify(char[] password, String phc) {
        Optional<Parsed> p = parse(phc);
        if (p.isEmpty()) {
            verifyDummy(password);
            return false;
        }
        byte[] h = argon2(p.get().params(), p.get().salt(), password, p.get().hash().length, true);
        checks.increment();
        return MessageDigest.isEqual(h, p.get().hash());
    }

    /**
     * Spends the time of one verification, for a name that does not exist: a check against a hash
     * with the configured parameters and random salt and digest, which no password matches. Making
     * it costs no hash, so the first flood of unknown names does not queue behind one.
     *
     * @throws Busy if no permit to hash came within the wait
     */
    void verifyDummy(char[] password) {
        String d = dummy;
        if (d == null) {
            byte[] salt = new byte[SALT_BYTES];
            byte[] digest = new byte[HASH_BYTES];
            random.nextBytes(salt);
            random.nextBytes(digest);
            d = "$argon2id$v=19$" + current.phc() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(digest);
            dummy = d;
        }
        Parsed p = parse(d).orElseThrow();
        argon2(p.params(), p.salt(), password, p.hash().length, true);
        checks.increment();
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

    /** One Argon2id run; the permit is taken before the generator allocates its memory. */
    private byte[] argon2(Params p, byte[] salt, char[] password, int length, boolean shed) {
        if (shed) {
            boolean got;
            try {
                got = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                throw new Busy();
            }
        } else {
            permits.acquireUninterruptibly();
        }
        peakHolding.accumulateAndGet(holding.incrementAndGet(), Math::max);
        byte[] pw = Normalizer.normalize(java.nio.CharBuffer.wrap(password), Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] out = new byte[length];
            Argon2BytesGenerator gen = new Argon2BytesGenerator();
            gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(p.memoryKib())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .withSalt(salt)
                    .build()); // allocates m KiB
            gen.generateBytes(pw, out);
            return out;
        } finally {
            holding.decrementAndGet();
            permits.release();
            Arrays.fill(pw, (byte) 0);
        }
    }
}
