package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.audit.AuditException;
import se.utskick.db.Database;
import se.utskick.register.SampleRegister;

/**
 * A change made from a form and its audit row commit or roll back together, through the real graph
 * ({@code Utskick.wire}: the letters' {@link ChangeLog} is the audit log): when the audit row cannot
 * be written (an actor the log refuses), the letter is left as it was; when it can, both are there.
 */
class DraftChangeTransactionTest {
    @TempDir
    Path dir;
    Database db;
    Utskick app;

    @BeforeEach
    void start() {
        db = TestDatabase.fresh();
        SampleRegister.load(db, 240, SampleRegister.DEFAULT_SEED);
        Map<String, String> m = new HashMap<>();
        m.put("security.secret", se.utskick.TestSecret.VALUE);
        m.put("smtp.host", "127.0.0.1");
        m.put("smtp.port", "1");
        m.put("mail.domain", "varmland.example.org");
        m.put("letters.templates.dir", dir.resolve("none").toString());
        app = Utskick.wire(Config.of(m), db);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private long auditRows(String subject) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE subject = ?")) {
                ps.setString(1, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void aChangeAndItsAuditRowCommitTogether() {
        Letter l = app.letters().drafts().create(LetterKind.BOARD, "2031-05", List.of(), null, "ombud");
        LetterDrafts drafts = app.letters().drafts();
        drafts.saveSettings(l.id(), new LetterDrafts.Settings("Styrelsebrev maj", LocalDate.now().plusDays(9).toString(), "Svara", null), "ombud");
        drafts.addItemText(l.id(), "Rubrik", "Text.", "ombud");
        assertEquals("Styrelsebrev maj", app.letters().get(l.id()).subject());
        assertEquals(3, auditRows("letter " + l.id()), "letter.new, letter.edit, letter.item.add");
    }

    @Test
    void whenTheAuditRowFailsTheChangeRollsBack() {
        Letter l = app.letters().create(LetterKind.BOARD, "2031-06", List.of(), null);
        String refusedActor = "x".repeat(65); // the audit log takes at most 64 characters
        LetterDrafts drafts = app.letters().drafts();
        assertThrows(AuditException.class, () -> drafts.saveSettings(l.id(),
                new LetterDrafts.Settings("Ska inte sparas", LocalDate.now().plusDays(9).toString(), "Svara", null), refusedActor));
        assertThrows(AuditException.class, () -> drafts.addItemText(l.id(), "Rubrik", "Text.", refusedActor));
        assertThrows(AuditException.class, () -> drafts.delete(l.id(), refusedActor));
        Letter after = app.letters().get(l.id());
        assertEquals(l.subject(), after.subject());
        assertEquals(null, after.feedbackDeadline());
        assertTrue(after.items().isEmpty());
        assertEquals(l.version(), after.version());
        assertEquals(0, auditRows("letter " + l.id()));
        app.letters().addItemText(l.id(), "Rubrik", "Text.");
        assertThrows(AuditException.class, () -> app.letters().approvals().approve(l.id(), refusedActor));
        assertEquals(LetterState.DRAFT, app.letters().get(l.id()).state(), "the approval rolled back with its audit row");
    }
}
