package se.utskick.replies;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import se.utskick.register.ErasureStep;

/**
 * Erasure of a member from the reply log (GDPR art. 17): the sender, subject, text, raw message and
 * the bounce's address and diagnostic of every message tied to them are removed and the member id
 * cleared; kind, time, letter and association stay, so an association's feedback still shows it
 * answered (by an erased person). Their bounce score goes. Runs in the register's erasure
 * transaction. Messages never tied to the member (UNMATCHED) cannot be found by it and stay.
 */
public final class RepliesErasure implements ErasureStep {
    @Override
    public void erase(Connection c, long memberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET sender = NULL, subject = NULL,"
                + " body_text = NULL, excerpt = NULL, raw_message = NULL, message_id = NULL, bounce_recipient = NULL,"
                + " bounce_diagnostic = NULL, member_id = NULL WHERE member_id = ?")) {
            ps.setLong(1, memberId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bounce_score WHERE member_id = ?")) {
            ps.setLong(1, memberId);
            ps.executeUpdate();
        }
    }
}
