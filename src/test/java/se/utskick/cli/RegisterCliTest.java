package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;
import se.utskick.register.SampleRegister;

/**
 * Guards the register's command line: exit code 0 on success, 1 with a one-line message (plus the
 * list of bad lines for an import) on failure, 2 on a usage error; the demo can be run again and again.
 */
class RegisterCliTest {
    @TempDir
    static Path dir;
    static Path config;


    @BeforeAll
    static void database() throws IOException {
        config = dir.resolve("utskick.properties");
        Files.writeString(config, "db.url = " + TestDatabase.freshUrl() + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\ndistrict.name = Testdistriktet\n");
    }


    static CliRun run(Path cfg, String... args) {
        return CliRun.of(cfg, args);
    }

    static CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    @Test
    void importShowExportAndListsSucceed() {
        Path file = dir.resolve("sample.csv");
        CliRun gen = run("sample", "generate", "--members", "400", "--seed", "5", "--encoding", "windows-1252", file.toString());
        assertEquals(0, gen.code(), gen.err());
        CliRun imp = run("register", "import", file.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("windows-1252"), imp.out());
        CliRun show = run("register", "show");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("Associations: 30"), show.out());
        CliRun members = run("register", "members", "--association", "karlstad");
        assertEquals(0, members.code(), members.err());
        CliRun missing = run("register", "missing-email");
        assertEquals(0, missing.code(), missing.err());
        assertTrue(missing.out().contains("INVALID"), missing.out());
        Path exported = dir.resolve("export.csv");
        assertEquals(0, run("register", "export", exported.toString()).code());
        CliRun dry = run("register", "import", "--dry-run", exported.toString());
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("Would change: 0 added, 0 updated, 0 left"), dry.out());
    }

    @Test
    void badFileExitsOneListingEveryBadLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Medlemsnummer;Förnamn;Efternamn;E-post;Förening;Region\n1;;B;;Kil;Söder\n2;A;;;Kil;Söder\n",
                StandardCharsets.UTF_8);
        CliRun r = run("register", "import", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("utskick: " + bad + ": 2 errors; nothing was imported"), r.err());
        assertTrue(r.err().contains("line 2, column Förnamn") && r.err().contains("line 3, column Efternamn"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void failuresExitOneWithOneLine() {
        CliRun noAssociation = run("register", "members", "--association", "Atlantis");
        assertEquals(1, noAssociation.code());
        assertEquals(1, noAssociation.err().strip().lines().count(), noAssociation.err());
        assertTrue(noAssociation.err().startsWith("utskick: no association is named 'Atlantis'"), noAssociation.err());
        CliRun erase = run("register", "erase", "no-such-number");
        assertEquals(1, erase.code());
        CliRun noFile = run("register", "import", dir.resolve("nowhere.csv").toString());
        assertEquals(1, noFile.code());
        assertTrue(noFile.err().contains("does not exist"), noFile.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("register", "import").code());
        assertEquals(2, run("register", "import", "--delimiter", "|", "x.csv").code());
        assertEquals(2, run("register", "import", "--encoding", "latin-99", "x.csv").code());
        assertEquals(2, run("register", "frobnicate").code());
        assertEquals(2, run("sample", "generate", "--members", "many", "x.csv").code());
    }

    @Test
    void badRegisterConfigValueExitsOneNamingTheKey() throws IOException {
        Path cfg = dir.resolve("bad.properties");
        Files.writeString(cfg, Files.readString(config) + "register.columns.shoe-size = Skostorlek\n");
        CliRun r = run(cfg, "register", "show");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("register.columns.shoe-size"), r.err());
    }

    @Test
    void demoRunsTwiceAndTheSecondImportChangesNothing() throws IOException {
        Path cfg = dir.resolve("demo.properties");
        Files.writeString(cfg, "db.url = " + TestDatabase.freshUrl() + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\nweb.port = 0\n");
        CliRun first = run(cfg, "demo", "--no-wait", "--use-configured");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Changed: " + SampleRegister.DEFAULT_MEMBERS + " added"), first.out());
        CliRun second = run(cfg, "demo", "--no-wait", "--use-configured");
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("Changed: 0 added, 0 updated, 0 left, 0 with new roles, 0 new associations"), second.out());
    }

    @Test
    void benchRefusesTheConfiguredDatabaseUnlessToldAndThenImportsTwice() throws IOException {
        Path cfg = dir.resolve("bench.properties");
        Files.writeString(cfg, "db.url = " + TestDatabase.freshUrl() + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\n");
        CliRun refused = run(cfg, "bench", "import", "--members", "300");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("--on-configured-database"), refused.err());
        CliRun bench = run(cfg, "bench", "import", "--members", "300", "--on-configured-database");
        assertEquals(0, bench.code(), bench.err());
        assertTrue(bench.out().contains("second: 300 rows: 0 added, 0 updated, 0 left, 300 unchanged"), bench.out());
    }

    /** Issue 12, finding 3: a cut or empty file is refused with the numbers; confirmations are separate flags. */
    @Test
    void massLeaveAndEmptyFileNeedTheirOwnConfirmation() throws Exception {
        Path cfg = dir.resolve("guard.properties");
        Files.writeString(cfg, "db.url = " + TestDatabase.freshUrl() + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\n");
        Path good = resource("/register/good.csv");
        assertEquals(0, run(cfg, "register", "import", good.toString()).code());
        String before = run(cfg, "register", "show").out();

        CliRun half = run(cfg, "register", "import", resource("/register/bad/36-cut-in-half.csv").toString());
        assertEquals(1, half.code(), half.out());
        assertTrue(half.err().contains("would mark 10 of 20 active members as left (50.0%), more than"
                + " register.import.max-leave-percent (10%)") && half.err().contains("--allow-mass-leave"), half.err());
        assertEquals(before, run(cfg, "register", "show").out(), "unchanged");

        CliRun dry = run(cfg, "register", "import", "--dry-run", resource("/register/bad/36-cut-in-half.csv").toString());
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("Note: 10 of 20 active members would leave"), dry.out());

        CliRun empty = run(cfg, "register", "import", "--allow-mass-leave", resource("/register/bad/02-header-only.csv").toString());
        assertEquals(1, empty.code(), empty.out());
        assertTrue(empty.err().contains("line 2: the file has a header but no member lines")
                && empty.err().contains("--allow-mass-leave does not allow it") && empty.err().contains("--empty-register"), empty.err());

        CliRun escape = run(cfg, "register", "import", resource("/register/bad/28-terminal-escape-esc.csv").toString());
        assertEquals(1, escape.code());
        assertTrue(escape.err().contains("line 5, column Efternamn: contains ESC (U+001B"), escape.err());
        assertTrue(escape.err().indexOf('\u001b') < 0, "no escape reaches the terminal");
        assertEquals(before, run(cfg, "register", "show").out(), "unchanged");

        CliRun confirmed = run(cfg, "register", "import", "--allow-mass-leave", resource("/register/bad/36-cut-in-half.csv").toString());
        assertEquals(0, confirmed.code(), confirmed.err());
        assertTrue(confirmed.out().contains("10 left"), confirmed.out());
        CliRun emptied = run(cfg, "register", "import", "--empty-register", resource("/register/bad/02-header-only.csv").toString());
        assertEquals(0, emptied.code(), emptied.err());
        assertTrue(emptied.out().contains("10 left"), emptied.out());
        CliRun audit = run(cfg, "audit");
        assertTrue(audit.out().contains("mass leave confirmed") && audit.out().contains("empty register confirmed"), audit.out());
    }

    private static Path resource(String name) throws java.net.URISyntaxException {
        return Path.of(RegisterCliTest.class.getResource(name).toURI());
    }
}
