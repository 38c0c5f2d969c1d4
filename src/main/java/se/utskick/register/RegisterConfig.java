package se.utskick.register;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * The register's settings: which header each field of the export has, the file's encoding and
 * delimiter when they should not be detected, the date format, the district's name, the share of
 * active members a full import may mark as left without {@code --allow-mass-leave}
 * ({@code register.import.max-leave-percent}), and how long a member who left is kept before the
 * erasure job erases them ({@code register.left.retention}).
 * Built once from {@link Config}; a wrong value fails here with the key's name.
 */
public record RegisterConfig(Map<Column, String> headers, Optional<Charset> encoding, Optional<Character> delimiter,
                             DateTimeFormatter dateFormat, String datePattern, String districtName,
                             int maxLeavePercent, java.time.Duration leftRetention) {
    /** The default of {@code register.import.max-leave-percent}. */
    public static final int DEFAULT_MAX_LEAVE_PERCENT = 10;
    /** The default of {@code register.left.retention}: 24 months. */
    public static final java.time.Duration DEFAULT_LEFT_RETENTION = java.time.Duration.ofDays(730);
    static final String COLUMNS = "register.columns.";

    public RegisterConfig {
        headers = Map.copyOf(headers);
    }

    /** The defaults of config/utskick.properties: the Swedish column names, detection on, ISO dates. */
    public static RegisterConfig defaults() {
        return from(Config.of(Map.of()));
    }

    public static RegisterConfig from(Config c) {
        Map<Column, String> headers = new EnumMap<>(Column.class);
        for (Column col : Column.values()) {
            headers.put(col, c.string(col.configKey(), col.defaultHeader));
        }
        for (String key : c.describe().keySet()) {
            if (key.startsWith(COLUMNS) && Arrays.stream(Column.values()).noneMatch(col -> col.configKey().equals(key))) {
                throw new ConfigException("the configuration key " + key + " names no register field; the fields are "
                        + Arrays.stream(Column.values()).map(Column::configKey).collect(Collectors.joining(", ")));
            }
        }
        Map<String, Column> seen = new HashMap<>();
        headers.forEach((col, header) -> {
            Column other = seen.put(header.toLowerCase(java.util.Locale.ROOT), col);
            if (other != null) {
                throw new ConfigException("the configuration keys " + other.configKey() + " and " + col.configKey()
                        + " both name the column '" + header + "'; give each field its own column");
            }
        });
        String pattern = c.string("register.date-format", "yyyy-MM-dd");
        DateTimeFormatter dates;
        try {
            dates = DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("the configuration key register.date-format is '" + pattern
                    + "' but must be a date pattern such as yyyy-MM-dd (" + e.getMessage() + ")");
        }
        return new RegisterConfig(headers, encoding(c.string("register.encoding", "auto"), "the configuration key register.encoding"),
                delimiter(c.string("register.delimiter", "auto"), "the configuration key register.delimiter"), dates, pattern,
                c.string("district.name", "Distriktet"),
                c.integer("register.import.max-leave-percent", DEFAULT_MAX_LEAVE_PERCENT, 0, 100),
                leftRetention(c));
    }

    private static java.time.Duration leftRetention(Config c) {
        java.time.Duration d = c.duration("register.left.retention", DEFAULT_LEFT_RETENTION);
        if (d.compareTo(java.time.Duration.ofDays(1)) < 0) {
            throw new ConfigException("the configuration key register.left.retention is '" + c.string("register.left.retention", "")
                    + "' but must be at least 1d (members who left are erased this long after they left; default 730d)");
        }
        return d;
    }

    /** The header of {@code column} in the export. */
    String header(Column column) {
        return headers.get(column);
    }

    /** {@code auto} → empty; otherwise a charset this JVM knows, or a {@link ConfigException} naming {@code source}. */
    public static Optional<Charset> encoding(String name, String source) {
        if (name.equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ConfigException(source + " is '" + name + "' but must be auto or an encoding such as UTF-8 or windows-1252");
        }
    }

    /** {@code auto} → empty; {@code ;}, {@code ,}, {@code tab} (or a tab character), or a {@link ConfigException}. */
    public static Optional<Character> delimiter(String text, String source) {
        return switch (text.equalsIgnoreCase("auto") ? "auto" : text.equalsIgnoreCase("tab") || text.equals("\\t") ? "\t" : text) {
            case "auto" -> Optional.empty();
            case ";", ",", "\t" -> Optional.of(text.length() == 1 ? text.charAt(0) : '\t');
            default -> throw new ConfigException(source + " is '" + text + "' but must be auto, ';', ',' or tab");
        };
    }
}
