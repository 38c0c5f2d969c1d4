package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Issue 12, finding 8, on the command line: {@code letter preview} records the files it writes with
 * the member they name and {@code register erase} deletes them; {@code register export-member}
 * writes the member's data as JSON to a file or standard output and is audited.
 */
class MemberPrivacyCliTest {
    @TempDir
    Path dir;

    @Test
    void previewFilesGoWithTheMemberAndTheExportIsAudited() throws IOException {
        String url = TestDatabase.freshUrl();
        try (Database db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 2)) {
            AudienceFixture.generate(db, 60, 21);
            AudienceFixture.person(db, "P1", "Pelle", "Preview", 1, "ACTIVE", "OK", false);
        }
        Path config = Files.writeString(dir.resolve("utskick.properties"), "db.url = " + url + "\n" + TestDatabase.credentialLines()
                + "security.secret = " + se.utskick.TestSecret.VALUE + "\n"
                + "letters.templates.dir = " + dir.resolve("no-overrides") + "\n");
        Path body = Files.writeString(dir.resolve("nyhet.md"), "Vi växer!");
        assertEquals(0, CliRun.of(config, "letter", "new", "--kind", "members", "--period", "2027-05").code());
        assertEquals(0, CliRun.of(config, "letter", "add-item", "members-2027-05", "--heading", "Nytt", "--body-file", body.toString()).code());
        Path out = dir.resolve("preview");
        CliRun preview = CliRun.of(config, "letter", "preview", "members-2027-05", "--member", "P1", "--out", out.toString());
        assertEquals(0, preview.code(), preview.err());
        Path html = out.resolve("members-2027-05.html");
        assertTrue(Files.readString(html).contains("Pelle"), "the preview names the member");

        Path json = dir.resolve("p1.json");
        CliRun export = CliRun.of(config, "register", "export-member", "P1", "--out", json.toString());
        assertEquals(0, export.code(), export.err());
        String text = Files.readString(json);
        assertTrue(text.contains("\"first_name\": \"Pelle\"") && text.contains(html.toAbsolutePath().toString()), text);
        CliRun stdout = CliRun.of(config, "register", "export-member", "P1");
        assertEquals(0, stdout.code(), stdout.err());
        assertTrue(stdout.out().startsWith("{") && stdout.out().contains("\"last_name\": \"Preview\""), stdout.out());
        assertTrue(CliRun.of(config, "audit").out().contains("member.export"), "audited");
        assertEquals(1, CliRun.of(config, "register", "export-member", "NOPE").code());

        CliRun erase = CliRun.of(config, "register", "erase", "P1");
        assertEquals(0, erase.code(), erase.err());
        for (String name : new String[] {"members-2027-05.html", "members-2027-05.txt", "members-2027-05.headers.txt"}) {
            assertFalse(Files.exists(out.resolve(name)), name + " names the erased member and must be gone");
        }
    }
}
