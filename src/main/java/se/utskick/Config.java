package se.utskick;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The configuration: one properties file ({@code config/utskick.properties}), every key of which
 * may be overridden by an environment variable named {@code UTSKICK_} + the key in upper case with
 * dots and dashes as underscores ({@code db.url} → {@code UTSKICK_DB_URL}).
 *
 * <p>Immutable. Features do not read it directly: the composition root turns it into each feature's
 * own small config record, so a wrong value fails at start with the key's name. Keys whose name
 * contains {@code password} or {@code secret} are never printed (see {@link #describe}).
 */
public final class Config {
    private final Map<String, String> values;
    private final Path folder;

    private Config(Map<String, String> values, Path folder) {
        this.values = Map.copyOf(values);
        this.folder = folder;
    }

    /** Reads {@code file}, then lays the environment over it. */
    public static Config load(Path file, Map<String, String> env) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
            }
        } else if (!file.equals(defaultFile())) {
            throw new ConfigException("the configuration file " + file + " does not exist");
        }
        Map<String, String> v = new HashMap<>();
        p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).strip()));
        for (String key : Set.copyOf(v.keySet())) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                v.put(key, fromEnv.strip());
            }
        }
        // Environment variables for keys the file does not list (e.g. db.url left out of the file).
        env.forEach((name, value) -> {
            if (name.startsWith("UTSKICK_") && !name.equals("UTSKICK_CONFIG")) {
                String key = keyOf(name);
                if (!v.containsKey(key)) {
                    v.put(key, value.strip());
                }
            }
        });
        Path folder = file.toAbsolutePath().getParent();
        return new Config(v, folder);
    }

    /** A config from explicit values, for tests and tools. */
    public static Config of(Map<String, String> values) {
        return new Config(values, defaultFile().toAbsolutePath().getParent());
    }

    public static Path defaultFile() {
        return Path.of("config", "utskick.properties");
    }

    /** {@code db.url} → {@code UTSKICK_DB_URL}. */
    public static String envName(String key) {
        return "UTSKICK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Best-effort inverse of {@link #envName}: {@code UTSKICK_DB_URL} → {@code db.url}. */
    private static String keyOf(String envName) {
        return envName.substring("UTSKICK_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** A copy with {@code key} set, for tests and for commands that take an option over the file. */
    public Config with(String key, String value) {
        Map<String, String> v = new HashMap<>(values);
        v.put(key, value);
        return new Config(v, folder);
    }

    /** The folder the config file is in; relative paths in values are resolved against the working directory. */
    public Path folder() {
        return folder;
    }

    public Optional<String> optional(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    public String string(String key, String fallback) {
        return optional(key).orElse(fallback);
    }

    public String required(String key) {
        return optional(key).orElseThrow(() -> new ConfigException(
                "the configuration key " + key + " is not set; set it in config/utskick.properties or as " + envName(key)));
    }

    public int integer(String key, int fallback, int min, int max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw bad(key, v.get(), "a whole number from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, v.get(), "a whole number from " + min + " to " + max);
        }
    }

    public double decimal(String key, double fallback, double min, double max) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double n = Double.parseDouble(v.get());
            if (!(n >= min && n <= max)) {
                throw bad(key, v.get(), "a number from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, v.get(), "a number from " + min + " to " + max);
        }
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, v.get(), "true or false");
        };
    }

    /** A duration in ISO-8601 ({@code PT30S}) or short form ({@code 30s}, {@code 5m}, {@code 2h}, {@code 3d}). */
    public Duration duration(String key, Duration fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        String s = v.get().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            Duration d = switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw bad(key, v.get(), "a duration such as 30s, 5m, 2h, 3d or PT30S");
            };
            if (d.isNegative()) {
                throw bad(key, v.get(), "a duration that is not negative");
            }
            return d;
        } catch (RuntimeException e) {
            if (e instanceof ConfigException ce) {
                throw ce;
            }
            throw bad(key, v.get(), "a duration such as 30s, 5m, 2h, 3d or PT30S");
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        Optional<String> v = optional(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(key, v.get(), "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    /** Every key and its value, secrets masked: for {@code config show} and debugging. */
    public Map<String, String> describe() {
        Map<String, String> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k, isSecret(k) && !v.isEmpty() ? "********" : v));
        return Collections.unmodifiableMap(out);
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("private-key") || k.contains("private.key");
    }

    private static ConfigException bad(String key, String value, String expected) {
        String shown = isSecret(key) ? "(hidden)" : "'" + value + "'";
        return new ConfigException("the configuration key " + key + " is " + shown + " but must be " + expected
                + " (config/utskick.properties or " + envName(key) + ")");
    }
}
