package se.utskick.users;

import java.time.Duration;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * The sign-in settings, read once from the {@code web.hash.*}, {@code web.session.*} and
 * {@code web.signin.*} keys (documented in config/utskick.properties, section "Web sign-in").
 *
 * @param hashMemoryKib   Argon2id memory per hash, in KiB (OWASP's minimum: 19456 = 19 MiB)
 * @param hashIterations  Argon2id passes over the memory
 * @param hashParallelism Argon2id lanes
 * @param sessionIdle     a session unused this long ends
 * @param sessionMax      a session ends this long after sign-in, however busy
 * @param maxFailures     failed sign-ins per name, or per client address, within the window before
 *                        further attempts are throttled
 * @param failureWindow   how long a failed sign-in counts
 */
public record UsersConfig(int hashMemoryKib, int hashIterations, int hashParallelism, Duration sessionIdle,
                          Duration sessionMax, int maxFailures, Duration failureWindow) {

    public static UsersConfig from(Config c) {
        return new UsersConfig(
                c.integer("web.hash.memory", 19_456, 8_192, 4_194_304),
                c.integer("web.hash.iterations", 2, 1, 20),
                c.integer("web.hash.parallelism", 1, 1, 16),
                positive(c, "web.session.idle", Duration.ofHours(2)),
                positive(c, "web.session.max", Duration.ofHours(12)),
                c.integer("web.signin.max.failures", 5, 1, 1000),
                positive(c, "web.signin.window", Duration.ofMinutes(15)));
    }

    /** Every key at its default. */
    public static UsersConfig defaults() {
        return from(Config.of(java.util.Map.of()));
    }

    private static Duration positive(Config c, String key, Duration fallback) {
        Duration d = c.duration(key, fallback);
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException("the configuration key " + key + " must be a duration above zero, such as 2h");
        }
        return d;
    }
}
