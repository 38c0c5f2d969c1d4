package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards the ombudsman's command line for lists, letters and events end to end: exit codes, the
 * files a preview writes, and one-line messages naming the bad value.
 */
class LetterCliTest {
    @TempDir
    static Path dir;
    static Path config;

    @BeforeAll
    static void setUp() throws IOException {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            AudienceFixture.generate(db, 300, 21);
        }
        config = Files.writeString(dir.resolve("utskick.properties"), "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\n"
                + "letters.templates.dir = " + dir.resolve("no-overrides") + "\n");
    }


    static CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    @Test
    void membersLetterIsComposedApprovedAndPreviewedFromTheCommandLine() throws IOException {
        Path body = Files.writeString(dir.resolve("nyhet.md"), "Vi växer! **Välkommen** alla nya medlemmar.");
        assertEquals(0, run("letter", "new", "--kind", "members", "--period", "2027-05").code());
        assertEquals(0, run("events", "add", "--association", "Sunne", "--title", "Gatumöte", "--starts", "2027-05-08T11:00",
                "--place", "Torget, Sunne", "--description", "Vi delar ut flygblad.").code());
        assertEquals(0, run("letter", "add-item", "members-2027-05", "--heading", "Nytt från distriktet", "--body-file", body.toString()).code());
        assertEquals(0, run("letter", "set", "members-2027-05", "--password", "vår-2027").code());
        CliRun show = run("letter", "show", "members-2027-05");
        assertTrue(show.out().contains("Gatumöte"), show.out());
        assertTrue(show.out().contains("recipients:"), show.out());
        CliRun approve = run("letter", "approve", "members-2027-05");
        assertEquals(0, approve.code(), approve.err());
        assertTrue(approve.out().contains("approved: rendered for"), approve.out());
        Path out = dir.resolve("preview");
        CliRun preview = run("letter", "preview", "members-2027-05", "--out", out.toString());
        assertEquals(0, preview.code(), preview.err());
        assertTrue(Files.readString(out.resolve("members-2027-05.html")).contains("Gatumöte"));
        assertTrue(Files.readString(out.resolve("members-2027-05.txt")).contains("vår-2027"));
        assertTrue(Files.readString(out.resolve("members-2027-05.headers.txt")).startsWith("Subject: Värmlandsvänstern informerar – maj 2027"));
        CliRun reopen = run("letter", "reopen", "members-2027-05");
        assertEquals(0, reopen.code(), reopen.err());
    }

    @Test
    void listsAreCreatedShownAndPreviewed() {
        CliRun create = run("lists", "create", "styrelser-norr", "--role", "chair,board-member", "--region", "norr",
                "--exclude-association", "Torsby", "--description", "Styrelserna i norr");
        assertEquals(0, create.code(), create.err());
        CliRun preview = run("lists", "preview", "styrelser-norr");
        assertTrue(preview.out().contains("recipients: "), preview.out());
        CliRun everyone = run("lists", "preview", "all-members", "--members-letter", "--show-left-out", "5");
        assertTrue(everyone.out().contains("left out, no address: "), everyone.out());
        assertTrue(everyone.out().lines().filter(line -> line.matches("  M\\d+ .*")).count() == 5, everyone.out());
        CliRun show = run("lists", "show");
        assertTrue(show.out().contains("all-boards") && show.out().contains("styrelser-norr"), show.out());
    }

    @Test
    void benchRenderRefusesTheConfiguredDatabaseUnlessToldAndThenReportsRendersPerSecond() throws IOException {
        Path bench = Files.writeString(dir.resolve("bench.properties"), "db.url = " + TestDatabase.freshUrl()
                + "\n" + TestDatabase.credentialLines() + "security.secret = " + se.utskick.TestSecret.VALUE + "\nweb.port = 0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int refused = Main.run(new String[] {"--config", bench.toString(), "bench", "render", "--members", "300"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, refused);
        assertTrue(err.toString().contains("--on-configured-database"), err.toString());
        int code = Main.run(new String[] {"--config", bench.toString(), "bench", "render", "--members", "300", "--on-configured-database"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("renders/s"), out.toString());
        assertTrue(out.toString().contains("peak heap"), out.toString());
    }

    @Test
    void demoComposesApprovesAndPreviewsThisMonthsLetters() throws IOException {
        Path demo = Files.writeString(dir.resolve("demo.properties"), "db.url = " + TestDatabase.freshUrl()
                + "\n" + TestDatabase.credentialLines() + "security.secret = " + se.utskick.TestSecret.VALUE + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--config", demo.toString(), "demo", "--no-wait", "--use-configured"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Stockholm")).toString();
        assertTrue(out.toString().contains("(members-" + month + ") approved: rendered for"), out.toString());
        assertTrue(out.toString().contains("(board-" + month + ") approved: rendered for"), out.toString());
        assertTrue(Files.readString(DemoCommand.PREVIEWS.resolve("board-" + month + ".txt")).contains("Svara på detta mejl."));
        assertTrue(Files.readString(DemoCommand.PREVIEWS.resolve("members-" + month + ".html")).contains("Medlemsutbildning"));
    }

    @Test
    void badValuesAreOneLineErrorsNamingThem() {
        CliRun role = run("lists", "create", "x", "--role", "skattmästare");
        assertEquals(1, role.code());
        assertTrue(role.err().contains("unknown role 'SKATTMÄSTARE'"), role.err());
        CliRun assoc = run("lists", "create", "y", "--association", "Atlantis");
        assertTrue(assoc.err().contains("unknown association 'Atlantis'"), assoc.err());
        CliRun period = run("letter", "new", "--kind", "board", "--period", "2026-13");
        assertEquals(1, period.code());
        assertTrue(period.err().contains("period '2026-13' is not a month"), period.err());
        assertEquals(0, run("letter", "new", "--kind", "board", "--period", "2027-06").code());
        CliRun missing = run("letter", "add-item", "board-2027-06", "--heading", "H", "--body-file", dir.resolve("saknas.md").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("saknas.md does not exist"), missing.err());
        CliRun past = run("letter", "set", "board-2027-06", "--deadline", "2020-01-01");
        assertTrue(past.err().contains("the deadline 2020-01-01 is in the past"), past.err());
        CliRun unknown = run("letter", "show", "board-1999-01");
        assertTrue(unknown.err().contains("there is no letter board-1999-01"), unknown.err());
        assertEquals(2, run("events", "add", "--title", "X", "--starts", "imorgon", "--place", "P").code());
    }
}
