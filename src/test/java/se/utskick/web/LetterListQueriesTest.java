package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.register.SampleRegister;

/**
 * The letter list loads in a constant number of queries: the server's count of SELECTs for the
 * list's rows (letters, items, send runs and their counts) is the same for 4 letters as for 40.
 * Through the real graph, with no sender or scheduler running, so the count is the list's alone.
 */
class LetterListQueriesTest {
    @TempDir
    Path dir;

    @Test
    void theListCostsTheSameNumberOfQueriesForFourLettersAsForForty() {
        try (Database db = TestDatabase.fresh()) {
            SampleRegister.load(db, 240, SampleRegister.DEFAULT_SEED);
            Map<String, String> m = new HashMap<>();
            m.put("security.secret", se.utskick.TestSecret.VALUE);
            m.put("smtp.host", "127.0.0.1");
            m.put("smtp.port", "1");
            m.put("mail.domain", "varmland.example.org");
            m.put("letters.templates.dir", dir.resolve("none").toString());
            Utskick app = Utskick.wire(Config.of(m), db);
            List<String> two = app.register().associationNames().values().stream().sorted().limit(2).toList();
            for (int i = 0; i < 2; i++) {
                Letter l = app.letters().create(LetterKind.TARGETED, null, two, null);
                app.letters().addItemText(l.id(), "Rubrik", "Text.");
                app.letters().approve(l.id());
                app.delivery().send(l.id());
            }
            for (int i = 0; i < 2; i++) {
                app.letters().addItemText(app.letters().create(LetterKind.TARGETED, null, two, null).id(), "Rubrik", "Text.");
            }
            long four = selects(db, () -> assertEquals(4, LetterRows.of(app.letters().reading().recent(null, 100), app.delivery().log()).size()));
            for (int i = 0; i < 36; i++) {
                app.letters().addItemText(app.letters().create(LetterKind.TARGETED, null, two, null).id(), "Rubrik", "Text.");
            }
            long forty = selects(db, () -> {
                var rows = LetterRows.of(app.letters().reading().recent(null, 100), app.delivery().log());
                assertEquals(40, rows.size());
                assertEquals(2, rows.stream().filter(r -> r.containsKey("recipients")).count(), "the sent ones carry their counts");
            });
            assertEquals(four, forty, "queries for 4 letters: " + four + ", for 40: " + forty);
            assertTrue(four <= 4, "letters, items, runs, counts: " + four);
        }
    }

    private static long selects(Database db, Runnable work) {
        long before = comSelect(db);
        work.run();
        return comSelect(db) - before;
    }

    private static long comSelect(Database db) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Com_select'")) {
                rs.next();
                return rs.getLong(2);
            }
        });
    }
}
