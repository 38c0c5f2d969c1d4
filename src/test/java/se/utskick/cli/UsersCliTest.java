package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.users.CodeResult;
import se.utskick.users.PendingSignIn;
import se.utskick.users.SignInResult;
import se.utskick.users.Totp;

/**
 * Guards the account and audit commands: a password comes only from the terminal or, asked for,
 * standard input; every account change and every data-changing command leaves an audit row with
 * actor cli:USER; {@code audit} prints and filters them.
 */
class UsersCliTest {
    private static final String ACTOR = Main.actor();
    private static final String SECRET = "cli-test-secret-0123456789-0123456789";

    @TempDir
    Path dir;
    private Path config;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        url = TestDatabase.freshUrl();
        config = Files.writeString(dir.resolve("utskick.properties"), "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + SECRET + "\nsmtp.host = 127.0.0.1\nsmtp.port = 2599\n"
                + "web.hash.memory = 8192\nweb.hash.iterations = 1\n");
    }

    private CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    private CliRun withStdin(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void usersAddTakesThePasswordFromStdinAndItSignsIn() {
        CliRun add = withStdin("ett långt lösenord med å\nrest ignored\n", "users", "add", "anna.k", "--name", "Anna Karlsson", "--password-stdin");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("user anna.k (Anna Karlsson) added"), add.out());
        CliRun list = run("users", "list");
        assertTrue(list.out().matches("(?s).*anna\\.k\\s+Anna Karlsson\\s+active\\s+\\S+\\s+yes\\n.*1 users.*"), list.out());
        String secret = printedSecret(add.out(), "anna.k");
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            assertInstanceOf(CodeResult.SignedIn.class, signIn(db, "anna.k", "ett långt lösenord med å", secret),
                    "the printed URI's secret makes codes the server accepts");
        }
        assertEquals(0, withStdin("ett annat långt lösenord\n", "users", "password", "anna.k", "--password-stdin").code());
        CliRun disable = run("users", "disable", "anna.k");
        assertEquals(0, disable.code(), disable.err());
        assertTrue(run("users", "list").out().contains("disabled"));
        CliRun audit = run("audit", "--action", "user");
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().matches("(?s).*" + ACTOR + "\\s+user\\.disable\\s+user anna\\.k.*" + ACTOR
                + "\\s+user\\.password\\s+user anna\\.k.*anna\\.k\\s+user\\.signin\\s+user anna\\.k.*" + ACTOR
                + "\\s+user\\.totp-reset\\s+user anna\\.k.*" + ACTOR + "\\s+user\\.add\\s+user anna\\.k.*5 entries.*"), audit.out());
    }

    private static final Pattern URI = Pattern.compile(
            "otpauth://totp/Utskick:([a-z0-9._-]+)\\?secret=([A-Z2-7]{32})&issuer=Utskick&algorithm=SHA1&digits=6&period=30");

    /** The secret of the otpauth URI printed for {@code user}, checked against the grouped form printed beside it. */
    private static String printedSecret(String out, String user) {
        Matcher m = URI.matcher(out);
        assertTrue(m.find(), out);
        assertEquals(user, m.group(1));
        String secret = m.group(2);
        assertTrue(out.contains("or type the secret: " + secret.replaceAll("(.{4})(?!$)", "$1 ")), out);
        return secret;
    }

    /** Both sign-in steps through the composition root on the CLI's database and secret, the code computed from {@code secret}. */
    private static CodeResult signIn(Database db, String user, String password, String secret) {
        Utskick app = Utskick.wire(Config.of(Map.of("security.secret", SECRET, "web.hash.memory", "8192", "web.hash.iterations", "1")), db);
        SignInResult r = app.users().signIn(user, password.toCharArray(), "::1");
        PendingSignIn p = assertInstanceOf(SignInResult.CodeNeeded.class, r).pending();
        return app.users().verifyCode(p.token(), Totp.code(secret, Instant.now()), "::1");
    }

    @Test
    void totpResetPrintsANewSecretTheOldStopsAndAccountsWithoutOneCannotSignIn() {
        assertEquals(0, withStdin("ett långt lösenord med å\n", "users", "add", "anna.k", "--password-stdin").code());
        CliRun add = withStdin("ett långt lösenord med å\n", "users", "add", "bo.b", "--password-stdin");
        String old = printedSecret(add.out(), "bo.b");
        CliRun reset = run("users", "totp-reset", "bo.b");
        assertEquals(0, reset.code(), reset.err());
        assertTrue(reset.out().contains("second factor of bo.b reset; its sessions ended"), reset.out());
        String fresh = printedSecret(reset.out(), "bo.b");
        assertTrue(!fresh.equals(old));
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            assertInstanceOf(CodeResult.WrongCode.class, signIn(db, "bo.b", "ett långt lösenord med å", old), "the old secret is void");
            assertInstanceOf(CodeResult.SignedIn.class, signIn(db, "bo.b", "ett långt lösenord med å", fresh));
            String sealed = db.withConnection(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT HEX(totp_secret) FROM user_account WHERE username = 'bo.b'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals(96, sealed.length(), "nonce, 20 sealed bytes and the tag: 48 bytes");
            assertTrue(!sealed.contains(java.util.HexFormat.of().withUpperCase().formatHex(Totp.base32Decode(fresh))),
                    "the secret is not stored in clear");
            // An account from before the second factor (none stored) is refused after its right password.
            db.withConnection(c -> c.createStatement().executeUpdate("UPDATE user_account SET totp_secret = NULL WHERE username = 'anna.k'"));
            Utskick app = Utskick.wire(Config.of(Map.of("security.secret", SECRET)), db);
            assertTrue(run("users", "list").out().contains("NONE (cannot sign in; run: utskick users totp-reset anna.k)"));
            assertEquals(new SignInResult.NotEnrolled("anna.k"), app.users().signIn("anna.k", "ett långt lösenord med å".toCharArray(), "::1"));
            // A changed security.secret leaves the sealed secrets unreadable: refused the same way, never opened.
            Utskick other = Utskick.wire(Config.of(Map.of("security.secret", "another-secret-0123456789-0123456789")), db);
            assertEquals(new SignInResult.NotEnrolled("bo.b"), other.users().signIn("bo.b", "ett långt lösenord med å".toCharArray(), "::1"));
        }
        assertEquals(1, run("users", "totp-reset", "nobody").code());
        CliRun audit = run("audit", "--action", "user.totp-reset");
        assertTrue(audit.out().contains("3 entries"), audit.out());
        assertTrue(!audit.out().contains(fresh) && !audit.out().contains(old), "the secret is not in the audit log");
    }

    @Test
    void badPasswordsAndMissingTerminalAreRefusedAndChangeNothing() {
        CliRun shortOne = withStdin("för kort\n", "users", "add", "anna.k", "--password-stdin");
        assertEquals(1, shortOne.code());
        assertTrue(shortOne.err().contains("at least 12 characters"), shortOne.err());
        CliRun empty = withStdin("", "users", "add", "anna.k", "--password-stdin");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("standard input is empty"), empty.err());
        CliRun noTerminal = withStdin("ett långt lösenord med å\n", "users", "add", "anna.k");
        assertEquals(2, noTerminal.code(), "surefire's JVM has no terminal");
        assertTrue(noTerminal.err().contains("--password-stdin"), noTerminal.err());
        CliRun badName = withStdin("ett långt lösenord med å\n", "users", "add", "Anna K", "--password-stdin");
        assertEquals(1, badName.code());
        assertTrue(badName.err().contains("2 to 40 of a-z"), badName.err());
        assertEquals(1, run("users", "disable", "nobody").code());
        assertTrue(run("users", "list").out().contains("0 users"));
        assertTrue(run("audit").out().contains("0 entries"));
    }

    @Test
    void dataChangingCommandsAreAuditedAndAuditFilters() {
        assertEquals(0, run("letter", "new", "--kind", "board", "--period", "2027-06").code());
        assertEquals(0, run("lists", "create", "ordforande", "--role", "chair").code());
        CliRun audit = run("audit", "--actor", ACTOR, "--since", "2020-01-01", "--limit", "1");
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().matches("(?s).*list\\.create\\s+list ordforande.*1 entries \\(the newest 1; --limit shows more\\).*"), audit.out());
        CliRun letters = run("audit", "--action", "letter");
        assertTrue(letters.out().matches("(?s).*" + ACTOR + "\\s+letter\\.new\\s+letter \\d+\\s+board 2027-06.*1 entries.*"), letters.out());
        assertTrue(run("audit", "--since", "2999-01-01").out().contains("0 entries"));
        assertTrue(run("audit", "--actor", "someone-else").out().contains("0 entries"));
        CliRun badSince = run("audit", "--since", "igår");
        assertEquals(2, badSince.code());
        assertTrue(badSince.err().contains("'igår' is not a day"), badSince.err());
        CliRun badLimit = run("audit", "--limit", "0");
        assertEquals(1, badLimit.code());
        assertTrue(badLimit.err().contains("1 to 10000"), badLimit.err());
    }

    @Test
    void importAndErasureAreAuditedByIdNeverByMemberNumber() throws Exception {
        Path file = dir.resolve("sample.csv");
        assertEquals(0, run("sample", "generate", "--members", "240", "--seed", "3", file.toString()).code());
        assertEquals(0, run("register", "import", "--dry-run", file.toString()).code());
        assertEquals(0, run("register", "import", file.toString()).code());
        String number = Files.readAllLines(file, StandardCharsets.UTF_8).get(1).split(";")[0];
        assertEquals(0, run("register", "erase", number).code());
        CliRun audit = run("audit");
        assertTrue(audit.out().matches("(?s).*member\\.erase\\s+member \\d+\\s.*register\\.import\\s+register\\s+240 rows: 240 added.*2 entries.*"),
                audit.out());
        assertTrue(!audit.out().contains(number), "the erased member's number is not in the log");
    }
}
