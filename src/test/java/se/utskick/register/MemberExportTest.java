package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.UtskickException;
import se.utskick.db.Database;

/**
 * Issue 12, finding 8 (no export of one member's data for an access request): through the
 * composition root, the export holds the member's row, roles, deliveries, replies (matched, and
 * unmatched ones from their address), bounce score, reminder rows, recorded files, unsubscription
 * and audit rows, and nothing of another member; every table with a member_id column is covered.
 */
class MemberExportTest {
    private final Database db = TestDatabase.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void exportHoldsEveryRowAboutTheMemberAndNoneAboutAnother() {
        Utskick app = Utskick.wire(Config.of(Map.of("security.secret", se.utskick.TestSecret.VALUE)), db);
        long id = AudienceFixture.person(db, "A1", "Åsa", "Öberg", null, "ACTIVE", "OK", true, "OMBUDSMAN");
        long other = AudienceFixture.person(db, "B2", "Bertil", "Ek", null, "ACTIVE", "OK", false);
        exec("INSERT INTO delivery (letter_id, member_id, email, first_name, last_name, state, due_at, queued_at, last_reply)"
                + " VALUES (7, " + id + ", 'a1@example.org', 'Åsa', 'Öberg', 'SENT', NOW(3), NOW(3), '250 ok åsa')");
        exec("INSERT INTO delivery (letter_id, member_id, email, first_name, last_name, state, due_at, queued_at)"
                + " VALUES (7, " + other + ", 'b2@example.org', 'Bertil', 'Ek', 'SENT', NOW(3), NOW(3))");
        exec("INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at, processed_at, kind, correlation, member_id,"
                + " sender, body_text) VALUES ('INBOX', 1, 1, NOW(3), NOW(3), 'REPLY', 'TOKEN', " + id + ", 'Åsa <a1@example.org>', 'Tack för brevet')");
        exec("INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at, processed_at, kind, correlation,"
                + " sender, body_text) VALUES ('INBOX', 1, 2, NOW(3), NOW(3), 'REPLY', 'UNMATCHED', 'a1@example.org', 'Ett svar utan token')");
        exec("INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at, processed_at, kind, correlation, member_id,"
                + " sender, body_text) VALUES ('INBOX', 1, 3, NOW(3), NOW(3), 'REPLY', 'TOKEN', " + other + ", 'b2@example.org', 'Bertils svar')");
        exec("INSERT INTO bounce_score (member_id, email, score, last_bounce_on) VALUES (" + id + ", 'a1@example.org', 2, '2026-01-01')");
        exec("INSERT INTO reminder_recipient (letter_id, member_id, email, first_name, last_name) VALUES (9, " + id
                + ", 'a1@example.org', 'Åsa', 'Öberg')");
        app.register().files().record(id, java.nio.file.Path.of("out", "demo", "members-2026-05.html"));
        app.audit().record("ombud", "member.address", "member " + id, "was INVALID, now OK");
        app.audit().record("ombud", "member.address", "member " + other, "was INVALID, now OK");

        String json = app.register().exportMember("A1");
        for (String expected : List.of("\"member_number\": \"A1\"", "\"first_name\": \"Åsa\"", "\"unsubscribed_at\": \"2026-01-01",
                "\"role\": \"OMBUDSMAN\"", "\"last_reply\": \"250 ok åsa\"", "\"body_text\": \"Tack för brevet\"",
                "\"body_text\": \"Ett svar utan token\"", "\"score\": 2", "\"reminder_recipients\": [", "members-2026-05.html",
                "\"subject\": \"member " + id + "\"")) {
            assertTrue(json.contains(expected), expected + " in\n" + json);
        }
        for (String absent : List.of("Bertil", "b2@example.org", "\"member " + other + "\"")) {
            assertFalse(json.contains(absent), absent + " must not be in\n" + json);
        }
        UtskickException none = assertThrows(UtskickException.class, () -> app.register().exportMember("ZZ9"));
        assertTrue(none.getMessage().contains("no member has that member number"), none.getMessage());
    }

    @Test
    void everyTableWithAMemberIdColumnIsInTheExport() {
        Set<String> tables = new HashSet<>(db.withConnection(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND column_name = 'member_id'")) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
            return out;
        }));
        assertEquals(tables, MemberExport.MEMBER_TABLES.keySet(),
                "a new table naming members must be added to MemberExport.MEMBER_TABLES (and to the erasure)");
    }

    private void exec(String sql) {
        db.withConnection(c -> c.createStatement().executeUpdate(sql));
    }
}
