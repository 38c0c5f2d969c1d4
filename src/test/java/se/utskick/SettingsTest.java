package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.utskick.cli.Main;

/**
 * Issue 12, finding 5: secrets and settings that must be right. Outside the demo, the shipped demo
 * secret, an empty one or one shorter than 32 bytes stops the start naming the key, its variable and
 * the fix; a misspelt key in the file or {@code UTSKICK_} variable stops it naming the nearest known
 * key; variables of keys with dashes reach their key; every bad value, crons that never fire
 * included, stops {@link Utskick#start} naming its key, whether it came from the file or the
 * environment.
 *
 * <p>The file points {@code db.url} at a closed port: a value that slipped through would fail on
 * the database instead, without its key, and the test would say so.
 */
class SettingsTest {
    static final String BASE = "security.secret = " + TestSecret.VALUE + "\ndb.url = jdbc:mariadb://127.0.0.1:1/none\n"
            + "db.user = nobody\nsmtp.host = 127.0.0.1\n";

    /** Bad values and the key each must be refused by. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("db.pool.size", "0"),
                Arguments.of("db.embedded.port", "70000"),
                Arguments.of("db.embedded.dir", "data/\u0000mariadb"),
                Arguments.of("delivery.workers", "många"),
                Arguments.of("smtp.port", "0"),
                Arguments.of("smtp.timeout.read", "forever"),
                Arguments.of("smtp.tls", "maybe"),
                Arguments.of("smtp.starttls", "sometimes"),
                Arguments.of("letters.events.weeks", "27"),
                Arguments.of("letters.timezone", "Värmland/Karlstad"),
                Arguments.of("letters.templates.dir", "config/\u0000templates"),
                Arguments.of("schedule.timezone", "Europe/Karlstad"),
                Arguments.of("schedule.threads", "0"),
                Arguments.of("schedule.reminders.address.cron", "0 0 8 31 2 ?"),
                Arguments.of("schedule.reminders.feedback.cron", "0 0 25 * * ?"),
                Arguments.of("schedule.assembly.board.cron", "0 0 8 30 2 ?"),
                Arguments.of("schedule.assembly.members.cron", "första måndagen"),
                Arguments.of("schedule.assembly.preview.dir", "out/\u0000previews"),
                Arguments.of("schedule.autosend.day", "31"),
                Arguments.of("schedule.sends.interval", "0s"),
                Arguments.of("web.hash.memory", "1024"),
                Arguments.of("web.signin.window", "0s"),
                Arguments.of("web.signin.max.failures", "0"),
                Arguments.of("web.port", "-1"),
                Arguments.of("web.cookie.secure", "sometimes"),
                Arguments.of("replies.imap.protocol", "pop3"),
                Arguments.of("replies.bounce.soft.threshold", "-1"),
                Arguments.of("reminders.register.url", "ftp://register.example.org"),
                Arguments.of("mail.ombudsman.address", "inte en adress"),
                Arguments.of("register.delimiter", "|"));
    }

    @ParameterizedTest(name = "{0} = {1} in the file")
    @MethodSource("badValues")
    void badValueInTheFileStopsTheStartNamingItsKey(String key, String value, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE + key + " = " + value.replace("\u0000", "\\u0000") + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Utskick.start(Config.load(file, Map.of())).close());
        assertTrue(e.getMessage().contains(key), "the refusal of " + key + " = " + value + " names it: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1} in the environment")
    @MethodSource("badValues")
    void badValueInTheEnvironmentStopsTheStartNamingItsKey(String key, String value, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE);
        ConfigException e = assertThrows(ConfigException.class,
                () -> Utskick.start(Config.load(file, Map.of(Config.envName(key), value))).close());
        assertTrue(e.getMessage().contains(key), "the refusal of " + Config.envName(key) + "=" + value + " names " + key + ": " + e.getMessage());
    }

    @Test
    void aCronThatNeverFiresIsRefusedNamingItsKeyThoughQuartzParsesIt() {
        assertTrue(org.quartz.CronExpression.isValidExpression("0 0 8 31 2 ?"), "Quartz alone accepts 31 February");
        Config c = Config.of(Map.of("schedule.reminders.address.cron", "0 0 8 31 2 ?"));
        ConfigException e = assertThrows(ConfigException.class, () -> c.cron("schedule.reminders.address.cron", "0 0 9 1 * ?"));
        assertTrue(e.getMessage().contains("schedule.reminders.address.cron"), e.getMessage());
        assertTrue(e.getMessage().contains("UTSKICK_SCHEDULE_REMINDERS_ADDRESS_CRON"), e.getMessage());
        assertTrue(e.getMessage().contains("never"), e.getMessage());
        assertEquals("0 0 9 1 * ?", Config.of(Map.of("k", " 0 0 9 1 * ? ")).cron("k", "x"));
    }

    // --- unknown keys and variables

    @Test
    void misspeltKeyInTheFileIsRefusedWithTheNearestKnownKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE + "db.pool.sise = 20\nsmtp.timeout.raed = 30s\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
        assertTrue(e.getMessage().contains("db.pool.sise") && e.getMessage().contains("did you mean db.pool.size"), e.getMessage());
        assertTrue(e.getMessage().contains("smtp.timeout.raed") && e.getMessage().contains("did you mean smtp.timeout.read"),
                e.getMessage());
    }

    @Test
    void misspeltVariableIsRefusedWithTheNearestKnownOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE);
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file,
                Map.of("UTSKICK_DELIVERY_LEAS", "10m", "UTSKICK_SECURITY_SECRT", "x".repeat(40), "PATH", "/usr/bin")));
        assertTrue(e.getMessage().contains("UTSKICK_DELIVERY_LEAS") && e.getMessage().contains("UTSKICK_DELIVERY_LEASE (delivery.lease)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("UTSKICK_SECURITY_SECRT") && e.getMessage().contains("UTSKICK_SECURITY_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("xxxx"), "no value, a secret least of all, is shown");
        assertTrue(e.getMessage().contains("Rename or unset it"), e.getMessage());
    }

    @Test
    void theConfigFileVariableAndOtherProgramsVariablesAreNotKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE);
        Config c = Config.load(file, Map.of("UTSKICK_CONFIG", file.toString(), "HOME", "/root", "UTSKICK_DB_POOL_SIZE", "7"));
        assertEquals(7, c.integer("db.pool.size", 1, 1, 100));
    }

    @Test
    void misspeltKeyStopsServeWithTheNearestKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE + "delivery.workes = 8\n");
        StringWriter err = new StringWriter();
        assertEquals(1, Main.run(new String[] {"--config", file.toString(), "serve"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)));
        assertTrue(err.toString().contains("delivery.workes") && err.toString().contains("did you mean delivery.workers"), err.toString());
    }

    @Test
    void variableOfAKeyWithDashesReachesThatKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE);
        Config c = Config.load(file, Map.of("UTSKICK_REGISTER_COLUMNS_MEMBER_NUMBER", "Medlems-ID",
                "UTSKICK_REGISTER_DATE_FORMAT", "dd/MM/yyyy"));
        assertEquals("Medlems-ID", c.string("register.columns.member-number", "?"));
        assertEquals("dd/MM/yyyy", c.string("register.date-format", "?"));
        assertTrue(c.optional("register.columns.member.number").isEmpty());
        se.utskick.register.RegisterConfig.from(c); // the register accepts it (it refused the guessed key before)
    }

    @Test
    void everyShippedKeyIsKnownAndEveryVariableMapsBack() {
        KnownKeys known = KnownKeys.shipped();
        assertTrue(known.all().size() > 80, known.all().toString());
        for (String key : known.all()) {
            assertEquals(key, known.keyOfEnv(Config.envName(key)).orElseThrow());
        }
    }

    // --- the secret

    @Test
    void theDemoSecretStopsTheStartNamingKeyVariableAndFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE.replace(TestSecret.VALUE, Keyring.DEMO_SECRET));
        ConfigException e = assertThrows(ConfigException.class, () -> Utskick.start(Config.load(file, Map.of())).close());
        assertSecretRefusal(e.getMessage());
        assertTrue(e.getMessage().contains("demo"), e.getMessage());
        assertFalse(e.getMessage().contains(Keyring.DEMO_SECRET), "the value is not repeated");
    }

    @Test
    void theShippedConfigurationStopsServeButNotTheDemo(@TempDir Path dir) throws Exception {
        Path shipped = Path.of("config", "utskick.properties");
        Config c = Config.load(shipped, Map.of("UTSKICK_DB_URL", "jdbc:mariadb://127.0.0.1:1/none"));
        assertEquals(Keyring.DEMO_SECRET, c.required("security.secret"), "the shipped file has the demo secret");
        assertSecretRefusal(assertThrows(ConfigException.class, () -> Utskick.start(c).close()).getMessage());
        assertSecretRefusal(assertThrows(ConfigException.class, () -> Keyring.from(c)).getMessage());
        Keyring demo = Keyring.from(c.forDemo());
        assertTrue(demo.isDemoSecret(), "the demo keeps working with the demo secret");
        assertTrue(c.forDemo().with("smtp.port", "2526").isDemo(), "a demo config stays one when a command adds an option");

        Path file = dir.resolve("u.properties");
        Files.writeString(file, BASE.replace(TestSecret.VALUE, Keyring.DEMO_SECRET));
        StringWriter err = new StringWriter();
        assertEquals(1, Main.run(new String[] {"--config", file.toString(), "serve"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true)));
        assertSecretRefusal(err.toString());
    }

    @Test
    void anEmptyOrShortSecretStopsTheStartInTheDemoToo(@TempDir Path dir) throws Exception {
        List<String> messages = new ArrayList<>();
        for (String secret : List.of("", "short", "x".repeat(31), "å".repeat(15))) {
            Path file = dir.resolve("u" + secret.length() + ".properties");
            Files.writeString(file, BASE.replace(TestSecret.VALUE, secret));
            Config c = Config.load(file, Map.of());
            messages.add(assertThrows(ConfigException.class, () -> Utskick.start(c).close()).getMessage());
            messages.add(assertThrows(ConfigException.class, () -> Keyring.from(c.forDemo())).getMessage());
        }
        messages.forEach(SettingsTest::assertSecretRefusal);
        assertTrue(messages.get(6).contains("30 bytes"), "15 å are 30 bytes: " + messages.get(6));
        Keyring.from(Config.of(Map.of("security.secret", "å".repeat(16)))); // 32 bytes are enough
    }

    private static void assertSecretRefusal(String message) {
        assertTrue(message.contains("security.secret"), message);
        assertTrue(message.contains("UTSKICK_SECURITY_SECRET"), message);
        assertTrue(message.contains("openssl rand -base64 48"), message);
    }
}
