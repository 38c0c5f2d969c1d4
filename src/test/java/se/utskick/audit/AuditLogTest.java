package se.utskick.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards the audit log: entries come back newest first, filtered by actor, action (exact or a
 * family) and time; an entry with an e-mail address, a line break or a malformed action is refused
 * before anything is written.
 */
class AuditLogTest {
    private Database db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private AuditLog at(String instant) {
        return new AuditLog(db, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void entriesComeBackNewestFirstAndFiltered() {
        at("2026-11-01T09:00:00Z").record("cli:root", "letter.approve", "letter 7", "120 recipients");
        at("2026-11-01T10:00:00Z").record("anna.k", "letter.send", "letter 7", "120 recipients");
        at("2026-11-02T09:00:00Z").record("anna.k", "member.unsubscribe", "member 1234", null);
        at("2026-11-03T09:00:00Z").record("anna.k", "letters.odd", "letter 8", "");
        AuditLog log = at("2026-11-04T00:00:00Z");

        List<AuditEntry> all = log.recent(null, null, null, 50);
        assertEquals(List.of("letters.odd", "member.unsubscribe", "letter.send", "letter.approve"),
                all.stream().map(AuditEntry::action).toList());
        AuditEntry unsub = all.get(1);
        assertEquals(new AuditEntry(unsub.id(), Instant.parse("2026-11-02T09:00:00Z"), "anna.k", "member.unsubscribe",
                "member 1234", ""), unsub);

        assertEquals(List.of("letter.send", "letter.approve"), actions(log.recent(null, "letter", null, 50)),
                "a family is whole words: letters.odd is not in letter");
        assertEquals(List.of("letter.send"), actions(log.recent(null, "letter.send", null, 50)));
        assertEquals(List.of("letters.odd", "member.unsubscribe", "letter.send"), actions(log.recent("anna.k", null, null, 50)));
        assertEquals(List.of("letters.odd", "member.unsubscribe"), actions(log.recent(null, null, Instant.parse("2026-11-02T09:00:00Z"), 50)));
        assertEquals(List.of("member.unsubscribe"), actions(log.recent("anna.k", "member", Instant.parse("2026-11-02T00:00:00Z"), 50)));
        assertEquals(List.of("letters.odd"), actions(log.recent(null, null, null, 1)));
        assertEquals(List.of(), log.recent(null, "letter_send", null, 50), "an underscore is no wildcard");
        assertEquals(List.of(), log.recent("nobody", null, null, 50));
    }

    @Test
    void personalDataAndMalformedValuesAreRefusedAndNothingIsWritten() {
        AuditLog log = at("2026-11-01T09:00:00Z");
        String[][] bad = {
                {"anna.k", "member.address", "member anna@example.org", ""},
                {"anna.k", "member.address", "member 1234", "new address anna@example.org"},
                {"anna.k", "Letter.Send", "letter 7", ""},
                {"anna.k", "letter send", "letter 7", ""},
                {"anna.k", "letter.", "letter 7", ""},
                {"anna.k", null, "letter 7", ""},
                {"anna.k", "letter.send", "", ""},
                {"anna.k", "letter.send", "letter 7\nforged line", ""},
                {"anna.k", "letter.send", "letter 7", "x".repeat(1001)},
                {"", "letter.send", "letter 7", ""},
                {null, "letter.send", "letter 7", ""},
                {"a".repeat(65), "letter.send", "letter 7", ""},
        };
        for (String[] b : bad) {
            assertThrows(AuditException.class, () -> log.record(b[0], b[1], b[2], b[3]), String.join("|", String.valueOf(b[1]), String.valueOf(b[2])));
        }
        assertEquals(List.of(), log.recent(null, null, null, 50));
        AuditException e = assertThrows(AuditException.class, () -> log.recent(null, null, null, 0));
        assertTrue(e.getMessage().contains("1 to 10000"), e.getMessage());
        assertThrows(AuditException.class, () -> log.recent(null, null, null, 10_001));
    }

    private static List<String> actions(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::action).toList();
    }
}
