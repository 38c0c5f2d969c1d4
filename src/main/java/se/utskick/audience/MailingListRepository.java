package se.utskick.audience;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/** The SQL of saved lists ({@code mailing_list}) and of the association names rules refer to. */
final class MailingListRepository {
    private final Database db;

    MailingListRepository(Database db) {
        this.db = db;
    }

    void insert(String name, String description, Rule rule) {
        db.withConnection(c -> {
            try {
                return Bind.update(c, AudienceQueries.LIST_INSERT, name, description, rule.format());
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                throw new AudienceException("a list named '" + name + "' already exists");
            }
        });
    }

    Optional<NamedList> find(String name) {
        return db.withConnection(c -> {
            return Bind.first(c, AudienceQueries.LIST_FIND, MailingListRepository::row, name);
        });
    }

    List<NamedList> all() {
        return db.withConnection(c -> {
            return Bind.list(c, AudienceQueries.LIST_ALL, MailingListRepository::row);
        });
    }

    /** The id of the association with this name (case-insensitive, Swedish collation), if any. */
    Optional<Integer> associationId(String name) {
        return db.withConnection(c -> {
            return Bind.first(c, AudienceQueries.ASSOCIATION_ID, rs -> rs.getInt(1), name.strip());
        });
    }

    String associationName(int id) {
        return db.withConnection(c -> {
            return Bind.first(c, AudienceQueries.ASSOCIATION_NAME, rs -> rs.getString(1), id).orElse("#" + id + " (removed)");
        });
    }

    private static NamedList row(ResultSet rs) throws SQLException {
        return new NamedList(rs.getString(1), rs.getString(2), Rule.parse(rs.getString(3)), false);
    }
}
