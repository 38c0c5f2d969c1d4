package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.users.SignInResult;
import se.utskick.users.Users;
import se.utskick.users.UsersConfig;

/**
 * Guards the account and audit commands: a password comes only from the terminal or, asked for,
 * standard input; every account change and every data-changing command leaves an audit row with
 * actor cli:USER; {@code audit} prints and filters them.
 */
class UsersCliTest {
    private static final String ACTOR = Main.actor();

    @TempDir
    Path dir;
    private Path config;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        url = TestDatabase.freshUrl();
        config = Files.writeString(dir.resolve("utskick.properties"), "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = cli-test-secret-0123456789-0123456789\nsmtp.host = 127.0.0.1\nsmtp.port = 2599\n"
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
        assertTrue(list.out().matches("(?s).*anna\\.k\\s+Anna Karlsson\\s+active.*1 users.*"), list.out());
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            Users users = new Users(db, UsersConfig.defaults(), (a, b, c, d) -> { }, Clock.systemUTC());
            assertInstanceOf(SignInResult.SignedIn.class, users.signIn("anna.k", "ett långt lösenord med å".toCharArray(), "::1"));
        }
        assertEquals(0, withStdin("ett annat långt lösenord\n", "users", "password", "anna.k", "--password-stdin").code());
        CliRun disable = run("users", "disable", "anna.k");
        assertEquals(0, disable.code(), disable.err());
        assertTrue(run("users", "list").out().contains("disabled"));
        CliRun audit = run("audit", "--action", "user");
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().matches("(?s).*" + ACTOR + "\\s+user\\.disable\\s+user anna\\.k.*" + ACTOR
                + "\\s+user\\.password\\s+user anna\\.k.*" + ACTOR + "\\s+user\\.add\\s+user anna\\.k.*3 entries.*"), audit.out());
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
