package se.utskick.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import se.utskick.register.ErasureStep;

/**
 * Erasure of a member from the delivery log (GDPR art. 17): their address and names are blanked
 * and the member id cleared; state, times, attempts and letter stay, so counts remain true. Waiting
 * deliveries to them are cancelled. Runs in the register's erasure transaction.
 */
public final class DeliveryErasure implements ErasureStep {
    @Override
    public void erase(Connection c, long memberId) throws SQLException {
        SendControl.erase(c, memberId);
    }
}
