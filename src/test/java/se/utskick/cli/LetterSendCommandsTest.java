package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/** Guards the delivery commands' edges: counts from the log, clear errors for unsent letters, bad times and states. */
class LetterSendCommandsTest {
    @TempDir
    Path dir;
    private Path config;
    private String url;

    @BeforeEach
    void setUp() throws Exception {
        url = TestDatabase.freshUrl();
        config = dir.resolve("utskick.properties");
        Files.writeString(config, "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = cli-test-secret-0123456789-0123456789\nsmtp.host = 127.0.0.1\nsmtp.port = 2599\n");
    }


    private CliRun run(String... args) {
        return CliRun.of(config, args);
    }

    @Test
    void statusCountsTheLogAndDeliveriesListsIt() {
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO send_run (letter_id, list_id, state, recipients, "
                    + "started_at) VALUES (1, 'Medlemsbrevet <m.example.org>', 'FINISHED', 2, NOW(3))"));
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO delivery (letter_id, member_id, email, first_name, "
                    + "last_name, state, attempts, due_at, queued_at, last_reply) VALUES "
                    + "(1, 1, 'a@example.org', 'Å', 'Ö', 'SENT', 1, NOW(3), NOW(3), '250 ok'), "
                    + "(1, 2, 'b@example.org', 'Ä', 'Ö', 'FAILED', 1, NOW(3), NOW(3), '550 5.1.1 no such user')"));
        }
        CliRun status = run("letter", "status", "1", "--once");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("FINISHED, 2 recipients") && status.out().contains("sent 1")
                && status.out().contains("failed 1"), status.out());
        CliRun failed = run("deliveries", "1", "--state", "FAILED");
        assertEquals(0, failed.code(), failed.err());
        assertTrue(failed.out().contains("b@example.org") && failed.out().contains("550 5.1.1"), failed.out());
        assertTrue(!failed.out().contains("a@example.org"), failed.out());
    }

    @Test
    void statusOfALetterASenderPausedNamesTheReasonAndTheFix() {
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            db.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO send_run (letter_id, list_id, state, recipients, "
                    + "started_at, pause_reason, paused_at) VALUES (3, 'Medlemsbrevet <m.example.org>', 'PAUSED', 0, NOW(3), "
                    + "'template members.ftlh, line 12: x is missing', NOW(3))"));
        }
        CliRun status = run("letter", "status", "3");
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().contains("PAUSED") && status.out().contains("template members.ftlh, line 12: x is missing")
                && status.out().contains("utskick letter resume 3"), status.out());
    }

    @Test
    void unsentLetterBadTimeAndBadStateGiveClearErrors() {
        CliRun status = run("letter", "status", "99");
        assertEquals(1, status.code());
        assertTrue(status.err().contains("letter 99 has not been sent"), status.err());
        CliRun at = run("letter", "send", "1", "--at", "yesterday");
        assertEquals(2, at.code());
        assertTrue(at.err().contains("'yesterday' is not a time"), at.err());
        CliRun state = run("deliveries", "1", "--state", "LOST");
        assertEquals(2, state.code());
        assertTrue(state.err().contains("LOST"), state.err());
        CliRun pause = run("letter", "pause", "99");
        assertEquals(1, pause.code());
        assertTrue(pause.err().contains("letter 99 is not sending"), pause.err());
    }
}
