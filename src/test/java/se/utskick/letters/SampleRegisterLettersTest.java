package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.delivery.LetterComposer.ComposedMessage;
import se.utskick.delivery.LetterComposer.PreparedLetter;
import se.utskick.delivery.LetterComposer.Recipient;
import se.utskick.register.SampleRegister;

/**
 * Guards that both monthly letters render for every member of the sample register: approval
 * succeeds and counts the right recipients, and composing for each of the register's members gives
 * a complete message carrying their name, with no slot marker left.
 */
class SampleRegisterLettersTest {
    static Database db;
    static Letters letters;
    static Letter members;
    static Letter board;

    @BeforeAll
    static void compose(@TempDir Path dir) {
        db = TestDatabase.fresh();
        SampleRegister.load(db, SampleRegister.DEFAULT_MEMBERS, SampleRegister.DEFAULT_SEED);
        letters = LetterFixture.letters(db, dir.resolve("none"));
        members = LetterFixture.membersLetter(letters, dir);
        board = LetterFixture.boardLetter(letters, dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void bothMonthlyLettersAreApprovedForTheirWholeAudience() {
        Approval.Approved m = letters.approve(members.id());
        Approval.Approved b = letters.approve(board.id());
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(*) FROM member WHERE status = 'ACTIVE' AND email_status = 'OK' "
                + "AND unsubscribed_at IS NULL"), m.recipients());
        assertEquals(AudienceFixture.count(db, "SELECT COUNT(DISTINCT m.id) FROM member m JOIN member_role r ON r.member_id = m.id "
                + "WHERE m.status = 'ACTIVE' AND m.email_status = 'OK' AND r.role IN ('CHAIR', 'BOARD_MEMBER', 'MEMBERSHIP_OFFICER')"),
                b.recipients());
        letters.reopen(members.id());
        letters.reopen(board.id());
    }

    @Test
    void bothLettersComposeForEveryMemberOfTheRegister() {
        record Member(long id, String first, String last, Long association) {
        }
        List<Member> all = db.withConnection(c -> {
            List<Member> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, first_name, last_name, association_id FROM member")) {
                while (rs.next()) {
                    long a = rs.getLong(4);
                    out.add(new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : a));
                }
            }
            return out;
        });
        assertEquals(SampleRegister.DEFAULT_MEMBERS, all.size());
        for (Letter l : List.of(members, board)) {
            PreparedLetter p = letters.composer().prepared(l);
            for (Member m : all) {
                ComposedMessage msg = p.compose(new Recipient(m.id(), m.id(), "x@example.org", m.first(), m.last(), m.association(),
                        "https://varmland.example.org/u/" + m.id()));
                assertTrue(msg.html().contains("Hej " + Stitch.escapeHtml(m.first()) + "!"), l.label() + " for " + m.id());
                assertTrue(msg.text().contains("Hej " + m.first() + "!"), l.label() + " for " + m.id());
                assertTrue(msg.html().endsWith("</html>\n"), l.label());
                assertFalse(msg.html().contains("\uE000") || msg.text().contains("\uE000"), "slot marker left for " + m.id());
            }
        }
    }
}
