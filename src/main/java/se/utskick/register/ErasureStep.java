package se.utskick.register;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A feature that holds personal data about members erases or anonymises its part when a member is
 * erased (GDPR art. 17). The register runs every step in the erasure transaction, before it deletes
 * the member row; a step that throws rolls the whole erasure back.
 */
@FunctionalInterface
public interface ErasureStep {
    void erase(Connection c, long memberId) throws SQLException;
}
