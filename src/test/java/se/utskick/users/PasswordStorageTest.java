package se.utskick.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import se.utskick.Config;
import se.utskick.ConfigException;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards what is stored: a password only as an Argon2id PHC string carrying its parameters (and
 * re-hashed when they are raised), a session only as the SHA-256 of its token; a malformed stored
 * hash refuses instead of failing; every sign-in setting refuses a bad value.
 */
class PasswordStorageTest {
    private static final char[] PASSWORD = UsersTest.PASSWORD;

    @Test
    void passwordIsStoredAsArgon2idWithItsParametersAndTheSessionOnlyAsAHash() throws Exception {
        try (Database db = TestDatabase.fresh()) {
            Users users = new Users(db, UsersTest.CHEAP, (a, b, c, d) -> { }, Clock.systemUTC(), UsersTest.KEYRING);
            users.add("anna.k", "Anna", PASSWORD);
            String hash = column(db, "SELECT password_hash FROM user_account");
            assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=8192,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
            String secret = users.resetTotp("anna.k").secret();
            PendingSignIn p = assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "::1")).pending();
            Session s = assertInstanceOf(CodeResult.SignedIn.class,
                    users.verifyCode(p.token(), Totp.code(secret, java.time.Instant.now()), "::1")).session();
            byte[] stored = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT token_hash FROM user_session")) {
                    rs.next();
                    return rs.getBytes(1);
                }
            });
            assertArrayEquals(SessionTokens.sha256(s.token()), stored);
        }
    }

    @Test
    void hashMadeWithWeakerParametersIsReplacedAtTheNextSignIn() throws Exception {
        try (Database db = TestDatabase.fresh()) {
            new Users(db, UsersTest.CHEAP, (a, b, c, d) -> { }, Clock.systemUTC(), UsersTest.KEYRING).add("anna.k", "Anna", PASSWORD);
            UsersConfig raised = new UsersConfig(9216, 2, 1, Duration.ofHours(2), Duration.ofHours(12), 5, Duration.ofMinutes(15));
            Users users = new Users(db, raised, (a, b, c, d) -> { }, Clock.systemUTC(), UsersTest.KEYRING);
            users.resetTotp("anna.k");
            assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "::1"), "the old hash still verifies");
            assertTrue(column(db, "SELECT password_hash FROM user_account").startsWith("$argon2id$v=19$m=9216,t=2,p=1$"));
            assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "::1"), "and so does the new one");
        }
    }

    @Test
    void composedAndDecomposedLettersAreTheSamePassword() {
        PasswordHash h = new PasswordHash(8192, 1, 1);
        String stored = h.hash("sju små älskande sjömän".toCharArray());
        assertTrue(h.verify("sju sma\u030A a\u0308lskande sjo\u0308ma\u0308n".toCharArray(), stored));
        assertFalse(h.verify("sju sma alskande sjoman".toCharArray(), stored));
        assertNotEquals(stored, h.hash("sju små älskande sjömän".toCharArray()), "a fresh salt each time");
    }

    @Test
    void malformedOrForeignStoredHashesAreRefusedNotThrown() {
        PasswordHash h = new PasswordHash(8192, 1, 1);
        String good = h.hash(PASSWORD);
        String[] parts = good.split("\\$");
        for (String bad : new String[] {null, "", "plaintext", "$2b$12$abcdefghijklmnopqrstuu",
                good.replace("argon2id", "argon2i"), good.replace("v=19", "v=16"), good.replace("m=8192", "m=99999999"),
                good.replace("t=1", "t=0"), good.replace("p=1", "p=x"), good + "$extra", "$argon2id$v=19$m=8192,t=1,p=1$!!!$" + parts[5],
                "$argon2id$v=19$m=8192,t=1$" + parts[4] + "$" + parts[5]}) {
            assertFalse(h.verify(PASSWORD, bad), String.valueOf(bad));
            assertFalse(h.isCurrent(bad), String.valueOf(bad));
        }
        assertTrue(h.verify(PASSWORD, good));
        assertTrue(h.isCurrent(good));
    }

    @Test
    void badSignInSettingsStopTheStartNamingTheKey() {
        assertEquals(new UsersConfig(19456, 2, 1, Duration.ofHours(2), Duration.ofHours(12), 5, Duration.ofMinutes(15)),
                UsersConfig.defaults());
        Map<String, String> bad = Map.of("web.hash.memory", "1024", "web.hash.iterations", "0", "web.hash.parallelism", "many",
                "web.session.idle", "0s", "web.session.max", "forever", "web.signin.max.failures", "0", "web.signin.window", "-5m");
        bad.forEach((key, value) -> {
            Executable build = () -> UsersConfig.from(Config.of(Map.of(key, value)));
            ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, build, key);
            assertTrue(e.getMessage().contains(key), e.getMessage());
        });
    }

    private static String column(Database db, String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
