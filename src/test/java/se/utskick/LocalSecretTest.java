package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guards the machine-local secret: on the shipped configuration (demo value, embedded relay, no
 * db.url) nothing is signed with the published value — a random secret is made once in the
 * embedded database's folder, owner-only, and reused by every later start; with a real relay or a
 * configured database the published value is left in place, so the start refuses it.
 */
class LocalSecretTest {
    @TempDir
    Path dir;

    private Map<String, String> shipped() {
        Map<String, String> m = new HashMap<>();
        m.put("security.secret", Keyring.DEMO_SECRET);
        m.put("smtp.host", "embedded");
        m.put("db.embedded.dir", dir.resolve("mariadb").toString());
        return m;
    }

    @Test
    void aMachineLocalSetUpSignsWithAGeneratedSecretKeptInTheFolder() throws Exception {
        Config first = LocalSecret.apply(Config.of(shipped()));
        String secret = first.required("security.secret");
        assertNotEquals(Keyring.DEMO_SECRET, secret);
        assertTrue(secret.length() >= 60, "48 random bytes in base64: " + secret.length());
        Path file = dir.resolve("mariadb").resolve(LocalSecret.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(secret, LocalSecret.apply(Config.of(shipped())).required("security.secret"), "the next start uses the same one");
        Keyring.from(first); // accepted: it is no published value
    }

    @Test
    void aRealRelayOrAConfiguredDatabaseKeepsThePublishedValueAndIsRefused() {
        Map<String, String> relay = shipped();
        relay.put("smtp.host", "smtp.example.org");
        Config r = Config.of(relay);
        assertSame(r, LocalSecret.apply(r));
        assertTrue(assertThrows(ConfigException.class, () -> Keyring.from(r)).getMessage().contains("security.secret"));
        Map<String, String> database = shipped();
        database.put("db.url", "jdbc:mariadb://127.0.0.1:3306/utskick");
        Config d = Config.of(database);
        assertSame(d, LocalSecret.apply(d));
        assertTrue(Files.notExists(dir.resolve("mariadb").resolve(LocalSecret.FILE)), "no secret made for them");
    }

    @Test
    void anOwnSecretIsNeverReplaced() {
        Map<String, String> own = shipped();
        own.put("security.secret", TestSecret.VALUE);
        Config c = Config.of(own);
        assertSame(c, LocalSecret.apply(c));
    }

    @Test
    void aDamagedSecretFileIsRefusedNamingItAndTheFix() throws Exception {
        Path file = Files.createDirectories(dir.resolve("mariadb")).resolve(LocalSecret.FILE);
        Files.writeString(file, "short\n");
        ConfigException e = assertThrows(ConfigException.class, () -> LocalSecret.apply(Config.of(shipped())));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("delete the file"), e.getMessage());
    }
}
