package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.UtskickException;
import se.utskick.db.Database;
import se.utskick.letters.LetterKind;

/**
 * Issue 12, finding 8 (a preview file under out/ still named an erased member): the monthly
 * assembly's preview, written through the real composition root, is recorded with the member it
 * names, and erasing that member deletes it; a recorded file that cannot be deleted rolls the
 * erasure back with the file's name.
 */
class PreviewErasureTest {
    @TempDir
    Path dir;
    private final Database db = TestDatabase.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    private Utskick app() {
        Map<String, String> m = new HashMap<>();
        m.put("security.secret", se.utskick.TestSecret.VALUE);
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", "1");
        m.put("mail.domain", "varmland.example.org");
        m.put("letters.templates.dir", dir.resolve("none").toString());
        m.put("schedule.assembly.preview.dir", dir.resolve("previews").toString());
        return Utskick.wire(Config.of(m), db);
    }

    @Test
    void theAssemblysPreviewIsDeletedWithTheMemberItNames() throws Exception {
        AudienceFixture.generate(db, 120, 5);
        AudienceFixture.person(db, "O1", "Olga", "Ombud", null, "ACTIVE", "OK", false, "OMBUDSMAN");
        Utskick app = app();
        String period = app.assembly().comingPeriod().toString();
        app.letters().queueItem(LetterKind.BOARD, period, "Möte", Files.writeString(dir.resolve("item.md"), "Styrelsemöte."));
        app.jobs().stream().filter(j -> j.name().equals("assemble-board")).findFirst().orElseThrow().run();
        Path html = dir.resolve("previews").resolve("board-" + period + ".html");
        Path txt = dir.resolve("previews").resolve("board-" + period + ".txt");
        assertTrue(Files.exists(html) && Files.exists(txt));

        List<String> named = rows("SELECT DISTINCT m.member_number, m.first_name FROM member_file f JOIN member m ON m.id = f.member_id");
        assertEquals(1, named.size(), named::toString);
        String number = named.get(0).split("\\|")[0];
        assertTrue(Files.readString(txt).contains(named.get(0).split("\\|")[1]), "the preview names the recorded member");

        app.register().erase(number);
        assertFalse(Files.exists(html) || Files.exists(txt), "the preview went with the member");
        assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM member_file"));
    }

    @Test
    void aRecordedFileThatCannotBeDeletedRollsTheErasureBackNamingIt() throws Exception {
        AudienceFixture.person(db, "M1", "Maja", "Lind", null, "ACTIVE", "OK", false);
        Utskick app = app();
        long id = app.register().memberIdByNumber("M1").orElseThrow();
        Path stuck = dir.resolve("stuck.html");
        app.register().files().record(id, stuck);
        Files.createDirectories(stuck.resolve("inside"));  // a non-empty directory: deleting it fails

        UtskickException e = assertThrows(UtskickException.class, () -> app.register().erase("M1"));
        assertTrue(e.getMessage().contains(stuck.toString()) && e.getMessage().contains("nothing was erased"), e.getMessage());
        assertEquals(List.of("M1"), rows("SELECT member_number FROM member"), "rolled back");
        assertEquals(List.of("1"), rows("SELECT COUNT(*) FROM member_file"));

        Files.delete(stuck.resolve("inside"));
        app.register().erase("M1");
        assertEquals(List.of(), rows("SELECT member_number FROM member"));
        assertFalse(Files.exists(stuck));
    }

    private List<String> rows(String sql) {
        return db.withConnection(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        b.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }
}
