package se.utskick.letters;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import se.utskick.db.Database;

/** The events table: entered with {@code events add}, listed in the members' letter. Thread-safe. */
public final class Events {
    private final Database db;

    public Events(Database db) {
        this.db = db;
    }

    /**
     * Adds an event; {@code associationId} null for the district's own. Title and place are required,
     * an end must come after the start.
     */
    public long add(Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String description) {
        if (title == null || title.isBlank()) {
            throw new LetterException("an event needs a title (--title)");
        }
        if (place == null || place.isBlank()) {
            throw new LetterException("the event '" + title.strip() + "' needs a place (--place)");
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new LetterException("the event '" + title.strip() + "' ends (" + endsAt + ") before it starts (" + startsAt + ")");
        }
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (association_id, title, starts_at, ends_at, place, description) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                if (associationId == null) {
                    ps.setNull(1, Types.INTEGER);
                } else {
                    ps.setInt(1, associationId);
                }
                ps.setString(2, title.strip());
                ps.setTimestamp(3, Timestamp.valueOf(startsAt));
                ps.setTimestamp(4, endsAt == null ? null : Timestamp.valueOf(endsAt));
                ps.setString(5, place.strip());
                ps.setString(6, description == null ? "" : description.strip());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Events starting in [from, to), in time order. */
    public List<Event> between(LocalDateTime from, LocalDateTime to) {
        return db.withConnection(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.association_id, a.name, e.title, e.starts_at, e.ends_at, "
                    + "e.place, e.description FROM event e LEFT JOIN association a ON a.id = e.association_id "
                    + "WHERE e.starts_at >= ? AND e.starts_at < ? ORDER BY e.starts_at, e.id")) {
                ps.setTimestamp(1, Timestamp.valueOf(from));
                ps.setTimestamp(2, Timestamp.valueOf(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer assoc = rs.getObject(2) == null ? null : rs.getInt(2);
                        Timestamp ends = rs.getTimestamp(6);
                        out.add(new Event(rs.getLong(1), assoc, rs.getString(3),
                                rs.getString(4), rs.getTimestamp(5).toLocalDateTime(), ends == null ? null : ends.toLocalDateTime(),
                                rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
    }
}
