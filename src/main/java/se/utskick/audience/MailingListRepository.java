package se.utskick.audience;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Database;

/** The SQL of saved lists ({@code mailing_list}) and of the association names rules refer to. */
final class MailingListRepository {
    private final Database db;

    MailingListRepository(Database db) {
        this.db = db;
    }

    void insert(String name, String description, Rule rule) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mailing_list (name, description, rule) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, description);
                ps.setString(3, rule.format());
                return ps.executeUpdate();
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                throw new AudienceException("a list named '" + name + "' already exists");
            }
        });
    }

    Optional<NamedList> find(String name) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, description, rule FROM mailing_list WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    List<NamedList> all() {
        return db.withConnection(c -> {
            List<NamedList> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name, description, rule FROM mailing_list ORDER BY name")) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** The id of the association with this name (case-insensitive, Swedish collation), if any. */
    Optional<Integer> associationId(String name) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM association WHERE name = ?")) {
                ps.setString(1, name.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
                }
            }
        });
    }

    String associationName(int id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM association WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "#" + id + " (removed)";
                }
            }
        });
    }

    private static NamedList row(ResultSet rs) throws SQLException {
        return new NamedList(rs.getString(1), rs.getString(2), Rule.parse(rs.getString(3)), false);
    }
}
