package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.UtskickException;

/**
 * Guards GDPR erasure: no text column of any register table holds anything of the erased member
 * afterwards, every registered erasure step runs in the same transaction (and can veto it), and a
 * later import of an export that still lists the person does not bring them back.
 */
class ErasureTest {
    private static final String LINE = "1001;Signe;Fröding-Älvén;signe.froding@example.org;070-111 22 33;Karlstad;Söder;2019-05-01;"
            + "\"Ordförande, Politikansvarig: feminism\"";
    private final RegisterFixture fx = new RegisterFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void erasedMemberLeavesNoPersonalDataInAnyRegisterTable() {
        Path file = fx.file("a.csv", LINE, "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;");
        fx.importFile(file);
        fx.db.withConnection(c -> c.createStatement().executeUpdate(
                "UPDATE association SET contact_email = 'signe.froding@example.org'"));
        List<Long> stepSaw = new ArrayList<>();
        fx.register.addErasureStep((c, id) -> stepSaw.add(id));
        long id = Long.parseLong(fx.one("SELECT id FROM member WHERE member_number = '1001'"));

        fx.register.erase("1001");

        assertEquals(List.of(id), stepSaw);
        for (String needle : List.of("1001", "Signe", "Fröding", "signe.froding", "070-111", "2019-05-01")) {
            assertEquals(List.of(), textColumnsContaining(needle), needle);
        }
        assertEquals(List.of("0"), fx.rows("SELECT COUNT(*) FROM member_role WHERE member_id = " + id));
        assertEquals(List.of("1"), fx.rows("SELECT COUNT(*) FROM erased_member"));
        assertEquals(List.of("Göran"), fx.rows("SELECT first_name FROM member"));
    }

    @Test
    void reimportDoesNotBringAnErasedMemberBack() {
        Path file = fx.file("a.csv", LINE, "1002;Göran;Ågren;goran@example.org;;Karlstad;Söder;;");
        fx.importFile(file);
        fx.register.erase("1001");
        ImportReport r = fx.importFile(file);
        assertEquals(1, r.skippedErased());
        assertEquals(0, r.added());
        assertEquals(List.of(), fx.rows("SELECT id FROM member WHERE member_number = '1001'"));
    }

    @Test
    void failingErasureStepLeavesTheMemberInPlace() {
        fx.importFile(fx.file("a.csv", LINE));
        fx.register.addErasureStep((c, id) -> {
            throw new java.sql.SQLException("delivery log unavailable");
        });
        assertThrows(UtskickException.class, () -> fx.register.erase("1001"));
        assertEquals(List.of("Signe"), fx.rows("SELECT first_name FROM member"));
        assertEquals(List.of("0"), fx.rows("SELECT COUNT(*) FROM erased_member"));
    }

    @Test
    void unknownAndAlreadyErasedNumbersAreClearErrors() {
        fx.importFile(fx.file("a.csv", LINE));
        UtskickException unknown = assertThrows(UtskickException.class, () -> fx.register.erase("9999"));
        assertTrue(unknown.getMessage().startsWith("no member has that member number"), unknown.getMessage());
        fx.register.erase("1001");
        UtskickException twice = assertThrows(UtskickException.class, () -> fx.register.erase("1001"));
        assertTrue(twice.getMessage().contains("already erased"), twice.getMessage());
    }

    /** table.column of every text column of the register's tables whose value contains {@code needle}. */
    private List<String> textColumnsContaining(String needle) {
        List<String> hits = new ArrayList<>();
        for (String col : fx.rows("SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name IN ('district', 'association', 'member', 'member_role', 'erased_member')"
                + " AND data_type IN ('varchar', 'char', 'text', 'enum', 'date', 'datetime', 'binary', 'varbinary')")) {
            String[] tc = col.split("\\.");
            String q = "SELECT COUNT(*) FROM " + tc[0] + " WHERE CAST(" + tc[1] + " AS CHAR) LIKE '%" + needle + "%'";
            if (!fx.one(q).equals("0")) {
                hits.add(col);
            }
        }
        return hits;
    }
}
