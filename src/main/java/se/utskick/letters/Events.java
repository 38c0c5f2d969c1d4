package se.utskick.letters;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Database;

/**
 * The events table: entered by staff ({@code events add}, the web interface) or sent in by an
 * association ({@code events add --proposed}: PROPOSED until approved). Only APPROVED events are
 * listed in the members' letter ({@link #between}). Thread-safe.
 */
public final class Events {
    private static final String COLUMNS = "SELECT e.id, e.association_id, a.name, e.title, e.starts_at, e.ends_at, "
            + "e.place, e.description, e.state FROM event e LEFT JOIN association a ON a.id = e.association_id ";
    private final Database db;

    public Events(Database db) {
        this.db = db;
    }

    /** Adds an approved event: {@link #add(Integer, String, LocalDateTime, LocalDateTime, String, String, EventState)}. */
    public long add(Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String description) {
        return add(associationId, title, startsAt, endsAt, place, description, EventState.APPROVED);
    }

    /**
     * Adds an event; {@code associationId} null for the district's own. Title and place are required,
     * an end must come after the start.
     */
    public long add(Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, String description,
                    EventState state) {
        check(title, startsAt, endsAt, place);
        return db.withConnection(c -> insert(c, associationId, title, startsAt, endsAt, place, description, state));
    }

    /**
     * {@link #add(Integer, String, LocalDateTime, LocalDateTime, String, String, EventState)} on the
     * caller's connection, so the event commits or rolls back with the caller's own rows (an event an
     * association sends in, with its kind).
     */
    public long add(java.sql.Connection c, Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                    String place, String description, EventState state) throws java.sql.SQLException {
        check(title, startsAt, endsAt, place);
        return insert(c, associationId, title, startsAt, endsAt, place, description, state);
    }

    private long insert(java.sql.Connection c, Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                        String place, String description, EventState state) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (association_id, title, starts_at, ends_at, place, description, "
                + "state) VALUES (?, ?, ?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            fields(ps, associationId, title, startsAt, endsAt, place, description);
            ps.setString(7, state.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Replaces every field of event {@code id} (its state stays); checked as {@link #add}. */
    public void edit(long id, Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                     String description) {
        check(title, startsAt, endsAt, place);
        int n = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE event SET association_id = ?, title = ?, starts_at = ?, ends_at = ?, "
                    + "place = ?, description = ? WHERE id = ?")) {
                fields(ps, associationId, title, startsAt, endsAt, place, description);
                ps.setLong(7, id);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new LetterException("there is no event " + id);
        }
    }

    /** Approves a PROPOSED event so the members' letter lists it; true if it was proposed, false if already approved. */
    public boolean approve(long id) {
        get(id).orElseThrow(() -> new LetterException("there is no event " + id));
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE event SET state = 'APPROVED' WHERE id = ? AND state = 'PROPOSED'")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Refuses a PROPOSED event: it never goes into a letter; true if it was proposed. */
    public boolean refuse(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE event SET state = 'REFUSED' WHERE id = ? AND state = 'PROPOSED'")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<Event> get(long id) {
        return query(COLUMNS + "WHERE e.id = ?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    /** APPROVED events starting in [from, to), in time order: what the members' letter lists. */
    public List<Event> between(LocalDateTime from, LocalDateTime to) {
        return query(COLUMNS + "WHERE e.starts_at >= ? AND e.starts_at < ? AND e.state = 'APPROVED' ORDER BY e.starts_at, e.id",
                ps -> range(ps, from, to));
    }

    /** Every event starting in [from, to), proposed ones too, in time order: for the staff's lists. */
    public List<Event> listed(LocalDateTime from, LocalDateTime to) {
        return query(COLUMNS + "WHERE e.starts_at >= ? AND e.starts_at < ? ORDER BY e.starts_at, e.id", ps -> range(ps, from, to));
    }

    private static void check(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place) {
        if (title == null || title.isBlank()) {
            throw new LetterException("an event needs a title (--title)");
        }
        if (startsAt == null) {
            throw new LetterException("the event '" + title.strip() + "' needs a start (--starts)");
        }
        if (place == null || place.isBlank()) {
            throw new LetterException("the event '" + title.strip() + "' needs a place (--place)");
        }
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new LetterException("the event '" + title.strip() + "' ends (" + endsAt + ") before it starts (" + startsAt + ")");
        }
    }

    private static void fields(PreparedStatement ps, Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                               String place, String description) throws SQLException {
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
    }

    private static void range(PreparedStatement ps, LocalDateTime from, LocalDateTime to) throws SQLException {
        ps.setTimestamp(1, Timestamp.valueOf(from));
        ps.setTimestamp(2, Timestamp.valueOf(to));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Event> query(String sql, Binder binder) {
        return db.withConnection(c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer assoc = rs.getObject(2) == null ? null : rs.getInt(2);
                        Timestamp ends = rs.getTimestamp(6);
                        out.add(new Event(rs.getLong(1), assoc, rs.getString(3), rs.getString(4), rs.getTimestamp(5).toLocalDateTime(),
                                ends == null ? null : ends.toLocalDateTime(), rs.getString(7), rs.getString(8),
                                EventState.valueOf(rs.getString(9))));
                    }
                }
            }
            return out;
        });
    }
}
