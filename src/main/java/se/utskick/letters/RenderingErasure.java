package se.utskick.letters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import se.utskick.register.ErasureStep;

/**
 * A member's erasure removes the stored renderings ({@code letter_rendering}) of the automatic
 * reminders that name them: a reminder's rendering lists members with address problems by name and
 * number, while every other letter's rendering holds markers in place of the recipient's name. The
 * member is found in the text by their member number (an over-match only removes more). Such a
 * reminder is then shown rendered from today's data. Runs in the erasure's transaction.
 */
final class RenderingErasure implements ErasureStep {
    @Override
    public void erase(Connection c, long memberId) throws SQLException {
        // all of a letter's renderings go together: a letter keeps the whole set or none
        try (PreparedStatement ps = c.prepareStatement("DELETE lr FROM letter_rendering lr JOIN (SELECT DISTINCT x.letter_id "
                + "FROM letter_rendering x JOIN letter l ON l.id = x.letter_id JOIN member m ON m.id = ? "
                + "WHERE l.kind = 'REMINDER' AND m.member_number <> '' "
                + "AND (INSTR(x.text, m.member_number) > 0 OR INSTR(x.html, m.member_number) > 0)) named ON named.letter_id = lr.letter_id")) {
            ps.setLong(1, memberId);
            ps.executeUpdate();
        }
    }
}
