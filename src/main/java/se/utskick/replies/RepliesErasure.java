package se.utskick.replies;

import java.sql.Connection;
import java.sql.SQLException;
import se.utskick.db.Bind;
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
        Bind.update(c, ReplySql.ERASE_MEMBER_MESSAGES, memberId);
        Bind.update(c, ReplySql.BOUNCE_SCORE_FORGET, memberId);
    }
}
