package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards the configuration contract: env overrides the file, bad values name their key, secrets stay hidden. */
class ConfigTest {

    @Test
    void environmentVariableOverridesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, "db.pool.size = 5\ndistrict.name = Värmland\n");
        Config c = Config.load(file, Map.of("UTSKICK_DB_POOL_SIZE", "7"));
        assertEquals(7, c.integer("db.pool.size", 1, 1, 100));
        assertEquals("Värmland", c.string("district.name", "?"));
    }

    @Test
    void environmentVariableForAKeyTheFileOmitsIsStillRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, "");
        Config c = Config.load(file, Map.of("UTSKICK_DB_URL", "jdbc:mariadb://db/u"));
        assertEquals("jdbc:mariadb://db/u", c.required("db.url"));
    }

    @Test
    void outOfRangeNumberIsRefusedNamingKeyAndVariable() {
        Config c = Config.of(Map.of("db.pool.size", "0"));
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("db.pool.size", 1, 2, 200));
        assertTrue(e.getMessage().contains("db.pool.size"), e.getMessage());
        assertTrue(e.getMessage().contains("UTSKICK_DB_POOL_SIZE"), e.getMessage());
    }

    @Test
    void wordWhereANumberBelongsIsRefused() {
        Config c = Config.of(Map.of("db.pool.size", "twelve"));
        assertThrows(ConfigException.class, () -> c.integer("db.pool.size", 1, 2, 200));
    }

    @Test
    void badDurationAndBooleanAreRefused() {
        Config c = Config.of(Map.of("a", "5 minutes", "b", "maybe", "c", "-5s"));
        assertThrows(ConfigException.class, () -> c.duration("a", Duration.ZERO));
        assertThrows(ConfigException.class, () -> c.bool("b", false));
        assertThrows(ConfigException.class, () -> c.duration("c", Duration.ZERO));
    }

    @Test
    void durationsReadShortAndIsoForms() {
        Config c = Config.of(Map.of("a", "3d", "b", "PT30S", "c", "90s"));
        assertEquals(Duration.ofDays(3), c.duration("a", Duration.ZERO));
        assertEquals(Duration.ofSeconds(30), c.duration("b", Duration.ZERO));
        assertEquals(Duration.ofSeconds(90), c.duration("c", Duration.ZERO));
    }

    @Test
    void secretValueNeverAppearsInDescriptionOrErrors() {
        Config c = Config.of(Map.of("smtp.password", "hunter2-very-secret", "security.secret", "x"));
        assertFalse(c.describe().toString().contains("hunter2"));
        ConfigException e = assertThrows(ConfigException.class, () -> c.integer("smtp.password", 0, 0, 1));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void shortSecretIsRefused() {
        assertThrows(ConfigException.class, () -> Keyring.from(Config.of(Map.of("security.secret", "short"))));
    }

    @Test
    void missingConfigFileNamedExplicitlyIsAnError(@TempDir Path dir) {
        assertThrows(ConfigException.class, () -> Config.load(dir.resolve("nope.properties"), Map.of()));
    }

    @Test
    void shippedConfigFileDocumentsEveryKey() throws Exception {
        var lines = Files.readAllLines(Config.defaultFile());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                assertTrue(i > 0 && lines.get(i - 1).strip().startsWith("#") || lines.get(i - 1).contains("="),
                        "key on line " + (i + 1) + " of config/utskick.properties has no comment above it: " + line);
                assertTrue(line.substring(0, line.indexOf('=')).strip().matches("[a-z0-9.-]+"),
                        "keys are lower case with dots and dashes only: " + line);
            }
        }
    }

    @Test
    void noTwoShippedKeysShareAnEnvironmentVariable() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(Config.defaultFile())) {
            p.load(r);
        }
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String previous = seen.put(Config.envName(key), key);
            assertTrue(previous == null, key + " and " + previous + " both map to " + Config.envName(key));
        }
    }
}
