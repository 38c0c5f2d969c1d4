package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards {@code schedule show}, {@code schedule run} and {@code letter queue-item} end to end
 * through {@link Main#run}: every job is listed, a job run by hand is recorded as a run with its
 * outcome and summary, an unknown job is refused naming the known ones, and a queued item lands in
 * the draft the assembly makes.
 */
class ScheduleCliTest {
    @TempDir
    static Path dir;
    static Path config;
    static Database db;

    @BeforeAll
    static void setUp() throws IOException {
        String url = TestDatabase.freshUrl();
        db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2);
        AudienceFixture.generate(db, 100, 8);
        AudienceFixture.person(db, "O1", "Olga", "Ombud", null, "ACTIVE", "OK", false, "OMBUDSMAN");
        config = Files.writeString(dir.resolve("utskick.properties"), "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\n"
                + "smtp.host = 127.0.0.1\nsmtp.port = 1\n"
                + "letters.templates.dir = " + dir.resolve("no-overrides") + "\n"
                + "schedule.assembly.preview.dir = " + dir.resolve("previews") + "\n");
    }


    static CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    @Test
    void scheduleShowListsEveryJobAndRunRecordsTheRun() throws IOException {
        CliRun before = run("schedule", "show");
        assertEquals(0, before.code(), before.err());
        for (String job : new String[] {"assemble-board", "assemble-members", "send-scheduled", "purge-deliveries", "purge-replies"}) {
            assertTrue(before.out().contains(job), job + " in " + before.out());
        }
        String period = YearMonth.now(ZoneId.of("Europe/Stockholm")).plusMonths(1).toString();
        Path body = Files.writeString(dir.resolve("punkt.md"), "Kom på **årsmötet**.");
        CliRun queued = run("letter", "queue-item", "--kind", "members", "--period", period, "--heading", "Årsmöte",
                "--body-file", body.toString());
        assertEquals(0, queued.code(), queued.err());
        assertTrue(queued.out().contains("item queued"), queued.out());

        CliRun ran = run("schedule", "run", "assemble-members");
        assertEquals(0, ran.code(), ran.err());
        assertTrue(ran.out().contains("created with 1 queued items"), ran.out());
        CliRun show = run("letter", "show", "members-" + period);
        assertTrue(show.out().contains("Årsmöte"), show.out());

        CliRun after = run("schedule", "show");
        String line = after.out().lines().filter(l -> l.startsWith("assemble-members")).findFirst().orElseThrow();
        assertTrue(line.contains("SUCCEEDED") && line.contains("created with 1 queued items"), line);
        CliRun again = run("schedule", "run", "assemble-members");
        assertTrue(again.out().contains("exists already"), again.out());
        assertEquals(1, AudienceFixture.count(db, "SELECT COUNT(*) FROM letter WHERE kind = 'MEMBERS'"));
        assertEquals(2, AudienceFixture.count(db, "SELECT COUNT(*) FROM job_run WHERE job_name = 'assemble-members'"));
    }

    @Test
    void unknownJobIsRefusedNamingTheJobsThereAre() {
        CliRun r = run("schedule", "run", "assemble-everything");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no job called 'assemble-everything'") && r.err().contains("assemble-board"), r.err());
    }

    @Test
    void queueItemForATargetedLetterIsRefused() throws IOException {
        Path body = Files.writeString(dir.resolve("x.md"), "x");
        CliRun r = run("letter", "queue-item", "--kind", "targeted", "--period", "2031-01", "--heading", "H", "--body-file", body.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("only the monthly letters"), r.err());
    }
}
