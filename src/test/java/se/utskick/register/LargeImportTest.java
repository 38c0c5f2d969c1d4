package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;

/**
 * Issue 18, through the composition root: the import reads a file in two passes and writes it a
 * chunk of {@value ImportChunks#SIZE} rows at a time, yet still applies whole or not at all. A
 * bad line at the very end of a file of many chunks leaves the register exactly as it was and is
 * reported with its line; a file with more bad lines than are kept reports their true total; a
 * dry run over many chunks reports what the import then does.
 */
class LargeImportTest {
    private static final int MEMBERS = 4_000;
    private final Database db = TestDatabase.fresh();
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        db.close();
    }

    private Register register() {
        return Utskick.wire(Config.of(Map.of("security.secret", se.utskick.TestSecret.VALUE)), db).register();
    }

    /** The register as one comparable line: counts and checksums over every member, role and association. */
    private String state() {
        return db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM member),"
                    + " (SELECT SUM(CRC32(CONCAT_WS('|', member_number, first_name, last_name, COALESCE(email, '-'),"
                    + " email_status, COALESCE(phone, '-'), COALESCE(association_id, '-'), status, COALESCE(left_on, '-'))))"
                    + " FROM member), (SELECT COUNT(*) FROM member_role), (SELECT SUM(CRC32(CONCAT_WS('|', member_id, role,"
                    + " COALESCE(association_id, '-'), policy_area))) FROM member_role), (SELECT COUNT(*) FROM association),"
                    + " (SELECT MAX(updated_at) FROM member)")) {
                rs.next();
                List<String> v = new ArrayList<>();
                for (int i = 1; i <= 6; i++) {
                    v.add(rs.getString(i));
                }
                return String.join(" ", v);
            }
        });
    }

    private Path sample(String name, int members, long seed) {
        Path f = dir.resolve(name);
        SampleRegister.writeCsv(f, members, seed);
        return f;
    }

    private static Path append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    @Test
    void aBadLineAtTheVeryEndOfAFileOfManyChunksChangesNothingAndIsReported() throws IOException {
        Register register = register();
        register.importFile(sample("first.csv", MEMBERS, 1), ImportOptions.defaults());
        String before = state();

        // Another seed: the same member numbers with other names, addresses and roles, so every chunk would write.
        Path changed = sample("changed.csv", MEMBERS, 2);
        ImportReport would = register.importFile(changed, ImportOptions.defaults().withDryRun(true));
        assertTrue(would.updated() > MEMBERS / 2, would.summary());
        append(changed, "999999;Sista;;sista@example.org;;Arvika;Norr;2020-01-01;");
        int lastLine = MEMBERS + 2;
        for (ImportOptions o : List.of(ImportOptions.defaults(), ImportOptions.defaults().withAllowMassLeave(true),
                ImportOptions.defaults().withPartial(true), ImportOptions.defaults().withDryRun(true))) {
            ImportException e = assertThrows(ImportException.class, () -> register.importFile(changed, o));
            assertEquals(1, e.total(), e.getMessage());
            LineError error = e.errors().get(0);
            assertEquals(lastLine, error.line(), e.getMessage());
            assertEquals("Efternamn", error.column());
            assertTrue(error.problem().startsWith("is empty"), error.problem());
            assertEquals(before, state(), "nothing changed with " + o);
        }
    }

    @Test
    void moreBadLinesThanAreKeptAreCountedInFull() throws IOException {
        Register register = register();
        register.importFile(sample("first.csv", 300, 1), ImportOptions.defaults());
        String before = state();
        int bad = ExportReader.KEPT + 500;
        List<String> lines = new ArrayList<>();
        lines.add(RegisterFixture.HEADER);
        for (int i = 0; i < bad; i++) {
            lines.add((500_000 + i) + ";;Efternamn;;;Arvika;Norr;;");
        }
        Path file = Files.writeString(dir.resolve("bad.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        ImportException e = assertThrows(ImportException.class, () -> register.importFile(file, ImportOptions.defaults()));
        assertEquals(bad, e.total());
        assertEquals(ExportReader.KEPT, e.errors().size());
        assertEquals(2, e.errors().get(0).line());
        assertEquals(ExportReader.KEPT + 1, e.errors().get(ExportReader.KEPT - 1).line());
        assertTrue(e.getMessage().contains(": " + bad + " errors; nothing was imported"), e.getMessage().lines().findFirst().orElseThrow());
        assertTrue(e.getMessage().contains("... and " + (bad - ImportException.SHOWN) + " more"), e.getMessage());
        assertEquals(before, state());
    }

    @Test
    void aDryRunOverManyChunksReportsWhatTheImportThenDoes() {
        Register register = register();
        register.importFile(sample("first.csv", MEMBERS, 1), ImportOptions.defaults());
        int fewer = MEMBERS - 300;
        Path next = sample("next.csv", fewer, 2);
        String before = state();

        ImportReport dry = register.importFile(next, ImportOptions.defaults().withDryRun(true));
        assertEquals(before, state(), "a dry run writes nothing");
        ImportReport applied = register.importFile(next, ImportOptions.defaults());

        assertEquals(List.of(dry.rows(), dry.added(), dry.updated(), dry.left(), dry.unchanged(), dry.roleChanges(),
                        dry.missingEmail(), dry.invalidEmail()),
                List.of(applied.rows(), applied.added(), applied.updated(), applied.left(), applied.unchanged(),
                        applied.roleChanges(), applied.missingEmail(), applied.invalidEmail()));
        assertEquals(300, applied.left());
        assertEquals(300, dry.changes().stream().filter(l -> l.startsWith("left ")).count());
        assertEquals(applied.updated(), dry.changes().stream().filter(l -> l.startsWith("updated ")).count());
        assertTrue(applied.roleChanges() > 0, applied.summary());
        assertEquals(fewer, (int) db.<Integer>withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM member WHERE status = 'ACTIVE'")) {
                rs.next();
                return rs.getInt(1);
            }
        }));
        ImportReport again = register.importFile(next, ImportOptions.defaults());
        assertTrue(again.noChanges(), again.summary());
        assertEquals(fewer, again.unchanged());
        assertFalse(dry.changes().isEmpty());
    }
}
