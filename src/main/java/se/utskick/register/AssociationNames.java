package se.utskick.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

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
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM association ORDER BY name, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        return names;
    }
}
