package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run on the build machines, so this guards docker-compose.yml by reading it: the
 * services exist, every UTSKICK_* variable names a documented config key, and the addresses, ports
 * and credentials the utskick service is given agree with what the other services offer.
 */
class DockerComposeTest {
    private static Map<String, Object> services;
    private static Properties configKeys;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("docker-compose.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Object>) compose.get("services");
        }
        configKeys = new Properties();
        try (Reader r = Files.newBufferedReader(Config.defaultFile(), StandardCharsets.UTF_8)) {
            configKeys.load(r);
        }
    }

    @Test
    void composeDefinesDatabaseMailCatcherAndUtskick() {
        assertTrue(services.keySet().containsAll(List.of("mariadb", "mail", "utskick")), services.keySet()::toString);
    }

    @Test
    void mariaDbImageIsRecentEnoughForSkipLocked() {
        String image = (String) service("mariadb").get("image");
        Matcher m = Pattern.compile("mariadb:(\\d+)\\.(\\d+)").matcher(image);
        assertTrue(m.find(), image);
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        assertTrue(major > 10 || (major == 10 && minor >= 11), "compose needs MariaDB 10.11 or newer, has " + image);
    }

    @Test
    void everyUtskickVariableIsADocumentedConfigKey() {
        Map<String, String> env = env("utskick");
        assertFalse(env.isEmpty());
        for (String name : env.keySet()) {
            assertTrue(name.startsWith("UTSKICK_"), name);
            boolean known = configKeys.stringPropertyNames().stream().anyMatch(k -> Config.envName(k).equals(name));
            assertTrue(known, name + " in docker-compose.yml is not a key of config/utskick.properties");
        }
    }

    @Test
    void databaseUrlAndCredentialsMatchTheMariaDbService() {
        Map<String, String> app = env("utskick");
        Map<String, String> db = env("mariadb");
        URI url = URI.create(app.get("UTSKICK_DB_URL").substring("jdbc:".length()));
        assertEquals("mariadb", url.getHost());
        assertEquals(3306, url.getPort());
        assertEquals("/" + db.get("MARIADB_DATABASE"), url.getPath());
        assertEquals(db.get("MARIADB_USER"), app.get("UTSKICK_DB_USER"));
        assertEquals(db.get("MARIADB_PASSWORD"), app.get("UTSKICK_DB_PASSWORD"));
        assertTrue(dependsOn("utskick").contains("mariadb"));
    }

    @Test
    void utskickRunsServe() {
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) service("utskick").get("command");
        assertEquals("serve", command.get(command.size() - 1), command::toString);
    }

    @Test
    void smtpAndImapPointAtTheMailServiceAndItsPorts() {
        Map<String, String> app = env("utskick");
        String opts = env("mail").get("GREENMAIL_OPTS");
        assertTrue(opts.contains("-Dgreenmail.setup.test.smtp") && opts.contains("-Dgreenmail.setup.test.imap"), opts);
        assertEquals("mail", app.get("UTSKICK_SMTP_HOST"));
        assertEquals("3025", app.get("UTSKICK_SMTP_PORT"), "GreenMail's test SMTP port");
        assertEquals("off", app.get("UTSKICK_SMTP_STARTTLS"), "GreenMail's test SMTP offers no STARTTLS");
        assertEquals("mail", app.get("UTSKICK_REPLIES_IMAP_HOST"));
        assertEquals("imap", app.get("UTSKICK_REPLIES_IMAP_PROTOCOL"));
        assertEquals("3143", app.get("UTSKICK_REPLIES_IMAP_PORT"), "GreenMail's test IMAP port");
        assertEquals("false", app.get("UTSKICK_REPLIES_IMAP_STARTTLS"));
        Matcher user = Pattern.compile("-Dgreenmail.users=([^:\\s]+):([^@\\s]+)@(\\S+)").matcher(opts);
        assertTrue(user.find(), opts);
        assertEquals(user.group(1), app.get("UTSKICK_REPLIES_IMAP_USER"));
        assertEquals(user.group(2), app.get("UTSKICK_REPLIES_IMAP_PASSWORD"));
        assertEquals(user.group(3), app.get("UTSKICK_MAIL_DOMAIN"), "replies to the mail domain land at the mail service");
        assertTrue(dependsOn("utskick").contains("mail"));
    }

    @Test
    void webEndpointListensOnAllInterfacesAndIsPublished() {
        Map<String, String> app = env("utskick");
        assertEquals("0.0.0.0", app.get("UTSKICK_WEB_BIND"));
        @SuppressWarnings("unchecked")
        List<String> ports = (List<String>) service("utskick").get("ports");
        assertTrue(ports.contains("8080:" + app.get("UTSKICK_WEB_PORT")), ports::toString);
    }

    @Test
    void secretIsRequiredFromTheOperatorNeverShipped() {
        String secret = env("utskick").get("UTSKICK_SECURITY_SECRET");
        assertNotNull(secret);
        assertTrue(secret.matches("\\$\\{UTSKICK_SECURITY_SECRET:\\?[^}]+}"),
                "compose must take the secret from the operator's environment and refuse to start without it: " + secret);
        assertFalse(secret.contains(Keyring.DEMO_SECRET));
    }

    @Test
    void utskickIsBuiltFromTheDockerfileAndCheckedThroughHealth() {
        assertEquals(".", service("utskick").get("build"));
        assertNotNull(service("utskick").get("image"));
        @SuppressWarnings("unchecked")
        Map<String, Object> health = (Map<String, Object>) service("utskick").get("healthcheck");
        assertNotNull(health, "the utskick service needs a healthcheck");
        String test = String.join(" ", health.get("test") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(health.get("test"))));
        assertTrue(test.contains("/dev/tcp/127.0.0.1/" + env("utskick").get("UTSKICK_WEB_PORT")) && test.contains("GET /health "), test);
        assertFalse(service("utskick").containsKey("volumes") && String.valueOf(service("utskick").get("volumes")).contains("target/"),
                "the image carries the jar; nothing from target/ is mounted");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> s = (Map<String, Object>) services.get(name);
        assertNotNull(s, "service " + name);
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> env(String name) {
        Map<String, Object> raw = (Map<String, Object>) service(name).get("environment");
        Map<String, String> out = new java.util.HashMap<>();
        raw.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<String> dependsOn(String name) {
        Object d = service(name).get("depends_on");
        return d instanceof Map<?, ?> m ? (java.util.Set<String>) m.keySet() : java.util.Set.copyOf((List<String>) d);
    }
}
