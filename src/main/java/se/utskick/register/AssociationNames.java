package se.utskick.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import se.utskick.db.Bind;

/**
 * The one reader of association names (id → name, in name order): {@link Register#associationNames()}
 * hands it to the other features through the composition root, and the register's own look-ups by
 * name use it. A few dozen rows.
 */
final class AssociationNames {
    private AssociationNames() {
    }

    static Map<Long, String> read(Connection c) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        for (Map.Entry<Long, String> e : Bind.list(c, RegisterSql.ASSOCIATION_NAMES, rs -> Map.entry(rs.getLong(1), rs.getString(2)))) {
            names.put(e.getKey(), e.getValue());
        }
        return names;
    }
}
