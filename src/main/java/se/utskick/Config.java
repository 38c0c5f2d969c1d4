package se.utskick;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.quartz.CronExpression;

/**
 * The configuration: one properties file ({@code config/utskick.properties}), every key of which
 * may be overridden by an environment variable named {@code UTSKICK_} + the key in upper case with
 * dots and dashes as underscores ({@code db.url} → {@code UTSKICK_DB_URL}).
 *
 * <p>The known keys are those of the shipped {@code config/utskick.properties} ({@link KnownKeys}):
 * {@link #load} refuses a file key or a {@code UTSKICK_*} variable that is none of them, naming the
 * nearest known key, so a misspelt setting stops the start instead of being ignored. A variable is
 * mapped back to its key through that set, which keeps keys with dashes reachable.
 *
 * <p>Immutable. Features do not read it directly: the composition root turns it into each feature's
 * own small config record, so a wrong value fails at start with the key's name. Keys whose name
 * contains {@code password} or {@code secret} are never printed (see {@link #describe}).
 */
public final class Config {
    /** The one environment variable that is not a key: the configuration file's path. */
    static final String CONFIG_VARIABLE = "UTSKICK_CONFIG";

    private final Map<String, String> values;
    private final Path folder;
    private final boolean demo;

    private Config(Map<String, String> values, Path folder, boolean demo) {
        this.values = Map.copyOf(values);
        this.folder = folder;
        this.demo = demo;
    }

    /**
     * Reads {@code file}, then lays the environment over it.
     *
     * @throws ConfigException if the file cannot be read, or names a key, or the environment a
     *                         {@code UTSKICK_*} variable, that is not a known key (each is named with
     *                         the nearest known one)
     */
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
        KnownKeys known = KnownKeys.shipped();
        List<String> unknown = new ArrayList<>();
        Map<String, String> v = new HashMap<>();
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            if (known.contains(k)) {
                v.put(k, p.getProperty(k).strip());
            } else {
                String near = known.nearestKey(k);
                unknown.add("the key " + k + " in " + file + " is not a configuration key; did you mean " + near
                        + "? Correct it to " + near + " or remove it");
            }
        }
        for (String name : new TreeSet<>(env.keySet())) {
            if (!name.startsWith("UTSKICK_") || name.equals(CONFIG_VARIABLE)) {
                continue;
            }
            Optional<String> key = known.keyOfEnv(name);
            if (key.isPresent()) {
                v.put(key.get(), env.get(name).strip());
            } else {
                String near = known.nearestKeyOfEnv(name);
                unknown.add("the environment variable " + name + " is not a configuration key; did you mean "
                        + envName(near) + " (" + near + ")? Rename or unset it");
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException(String.join("; ", unknown)
                    + " (the keys are those of the shipped config/utskick.properties)");
        }
        Path folder = file.toAbsolutePath().getParent();
        return new Config(v, folder, false);
    }

    /** A config from explicit values, for tests and tools. */
    public static Config of(Map<String, String> values) {
        return new Config(values, defaultFile().toAbsolutePath().getParent(), false);
    }

    /**
     * A copy marked as the demo's (or a benchmark's scratch database): the only configuration in
     * which the shipped demo secret is accepted ({@link Keyring#requireProductionSecret}). Nothing
     * in a file or the environment can set this; only the {@code demo} command's code does.
     */
    public Config forDemo() {
        return new Config(values, folder, true);
    }

    /** True for the demo's configuration ({@link #forDemo}). */
    public boolean isDemo() {
        return demo;
    }

    public static Path defaultFile() {
        return Path.of("config", "utskick.properties");
    }

    /** {@code db.url} → {@code UTSKICK_DB_URL}. */
    public static String envName(String key) {
        return "UTSKICK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** A copy with {@code key} set, for tests and for commands that take an option over the file. */
    public Config with(String key, String value) {
        Map<String, String> v = new HashMap<>(values);
        v.put(key, value);
        return new Config(v, folder, demo);
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

    /**
     * A Quartz cron expression (seconds first) that fires at least once more: refused naming the
     * key if it is not a cron expression, or if it can never fire (31 February, a year gone by),
     * which Quartz itself accepts and only reports, without the key, when the schedule starts.
     * Returns the stripped expression.
     */
    public String cron(String key, String fallback) {
        String v = string(key, fallback).strip();
        String example = "such as '0 0 9 1 * ?' (09:00 on the 1st of every month)";
        CronExpression cron;
        try {
            cron = new CronExpression(v);
        } catch (java.text.ParseException | RuntimeException e) {
            throw bad(key, v, "a Quartz cron expression, seconds first, " + example);
        }
        if (cron.getNextValidTimeAfter(new java.util.Date()) == null) {
            throw bad(key, v, "a Quartz cron expression that fires at some time (this one never does, e.g. a day"
                    + " the month does not have or a year gone by), " + example);
        }
        return v;
    }

    /** A file or folder path; a value that is no path on this system is refused naming the key. */
    public Path path(String key, String fallback) {
        String v = string(key, fallback);
        try {
            return Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw bad(key, v, "a path (" + e.getReason() + ")");
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
