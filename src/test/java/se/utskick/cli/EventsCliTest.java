package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards {@code events add --proposed}: an event an association sent in is stored PROPOSED, listed
 * as such by {@code events list}, and left out of the members' letter until it is approved.
 */
class EventsCliTest {
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

    @Test
    void aProposedEventIsListedAsProposedAndLeftOutOfTheMembersLetter() {
        assertEquals(0, CliRun.of(config, "letter", "new", "--kind", "members", "--period", "2027-09").code());
        CliRun add = CliRun.of(config, "events", "add", "--association", "Sunne", "--title", "Bokcirkel", "--starts", "2027-09-08T18:00",
                "--place", "Biblioteket, Sunne", "--proposed");
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("as proposed"), add.out());
        assertEquals(0, CliRun.of(config, "events", "add", "--title", "Distriktsstämma", "--starts", "2027-09-12T10:00",
                "--place", "Karlstad").code());
        CliRun list = CliRun.of(config, "events", "list", "--from", "2027-09-01", "--weeks", "4");
        assertTrue(list.out().lines().anyMatch(l -> l.contains("Bokcirkel") && l.contains("PROPOSED")), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("Distriktsstämma") && l.contains("APPROVED")), list.out());
        CliRun show = CliRun.of(config, "letter", "show", "members-2027-09");
        assertTrue(show.out().contains("Distriktsstämma"), show.out());
        assertFalse(show.out().contains("Bokcirkel"), show.out());
    }
}
