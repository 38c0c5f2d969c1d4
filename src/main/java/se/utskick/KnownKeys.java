package se.utskick;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration keys Utskick knows: exactly the keys of the shipped
 * {@code config/utskick.properties}, which the build packages on the class path as
 * {@code config/utskick.properties} (so a deployment's own file, wherever it is, is checked
 * against the shipped one). The one owner of "is this a key?", of the environment variable of a
 * key and back, and of the nearest key to a misspelt one.
 *
 * <p>The environment variable of a key is {@code UTSKICK_} + the key in upper case with dots and
 * dashes as underscores; that mapping loses the difference between a dot and a dash, so a variable
 * is mapped back through this set, never by guessing ({@code UTSKICK_REGISTER_COLUMNS_MEMBER_NUMBER}
 * → {@code register.columns.member-number}). Immutable.
 */
final class KnownKeys {
    /** Where the build puts the shipped configuration on the class path. */
    static final String RESOURCE = "config/utskick.properties";

    private static volatile KnownKeys shipped;

    private final Set<String> keys;
    private final Map<String, String> byEnvName;

    KnownKeys(Set<String> keys) {
        this.keys = Set.copyOf(keys);
        Map<String, String> m = new HashMap<>();
        for (String k : keys) {
            String previous = m.put(Config.envName(k), k);
            if (previous != null) {
                throw new IllegalStateException("the keys " + previous + " and " + k + " share the variable " + Config.envName(k));
            }
        }
        this.byEnvName = Map.copyOf(m);
    }

    /** The keys of the shipped configuration file (read once from the class path). */
    static KnownKeys shipped() {
        KnownKeys k = shipped;
        if (k == null) {
            k = new KnownKeys(read());
            shipped = k;
        }
        return k;
    }

    private static Set<String> read() {
        try (InputStream in = KnownKeys.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped configuration " + RESOURCE + " is missing from the class path;"
                        + " build with ./mvnw package (it lists every configuration key)");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p.stringPropertyNames();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped configuration " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    Set<String> all() {
        return new TreeSet<>(keys);
    }

    /** The key whose environment variable is {@code envName}, if any. */
    Optional<String> keyOfEnv(String envName) {
        return Optional.ofNullable(byEnvName.get(envName));
    }

    /** The known key nearest to {@code key} by edit distance (ties: alphabetical). */
    String nearestKey(String key) {
        return nearest(key, List.copyOf(keys));
    }

    /** The known key whose environment variable is nearest to {@code envName}. */
    String nearestKeyOfEnv(String envName) {
        return byEnvName.get(nearest(envName, List.copyOf(byEnvName.keySet())));
    }

    private static String nearest(String word, List<String> candidates) {
        return candidates.stream()
                .min(Comparator.<String>comparingInt(c -> distance(word, c)).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
