package se.utskick.letters;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The events table: entered by staff ({@code events add}, the web interface) or sent in by an
 * association ({@code events add --proposed}: PROPOSED until approved). Only APPROVED events are
 * listed in the members' letter ({@link #between}). Thread-safe.
 */
public final class Events {
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
        List<Object> p = fields(associationId, title, startsAt, endsAt, place, description);
        p.add(state);
        return Bind.insert(c, LetterSql.EVENT_INSERT, p.toArray());
    }

    /** Replaces every field of event {@code id} (its state stays); checked as {@link #add}. */
    public void edit(long id, Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
                     String description) {
        check(title, startsAt, endsAt, place);
        int n = db.withConnection(c -> {
            List<Object> p = fields(associationId, title, startsAt, endsAt, place, description);
            p.add(id);
            return Bind.update(c, LetterSql.EVENT_UPDATE, p.toArray());
        });
        if (n == 0) {
            throw new LetterException("there is no event " + id);
        }
    }

    /** Approves a PROPOSED event so the members' letter lists it; true if it was proposed, false if already approved. */
    public boolean approve(long id) {
        get(id).orElseThrow(() -> new LetterException("there is no event " + id));
        return db.withConnection(c -> {
            return Bind.update(c, LetterSql.EVENT_APPROVE, id) == 1;
        });
    }

    /** Refuses a PROPOSED event: it never goes into a letter; true if it was proposed. */
    public boolean refuse(long id) {
        return db.withConnection(c -> {
            return Bind.update(c, LetterSql.EVENT_REFUSE, id) == 1;
        });
    }

    public Optional<Event> get(long id) {
        return query(LetterSql.EVENT_GET, id).stream().findFirst();
    }

    /** APPROVED events starting in [from, to), in time order: what the members' letter lists. */
    public List<Event> between(LocalDateTime from, LocalDateTime to) {
        return query(LetterSql.EVENT_BETWEEN_APPROVED, Timestamp.valueOf(from), Timestamp.valueOf(to));
    }

    /** Every event starting in [from, to), proposed ones too, in time order: for the staff's lists. */
    public List<Event> listed(LocalDateTime from, LocalDateTime to) {
        return query(LetterSql.EVENT_BETWEEN, Timestamp.valueOf(from), Timestamp.valueOf(to));
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

    /** The six field parameters of an insert or update, in the columns' order. */
    private static List<Object> fields(Integer associationId, String title, LocalDateTime startsAt, LocalDateTime endsAt,
                                       String place, String description) {
        return new ArrayList<>(java.util.Arrays.asList(associationId, title.strip(), Timestamp.valueOf(startsAt),
                endsAt == null ? null : Timestamp.valueOf(endsAt), place.strip(), description == null ? "" : description.strip()));
    }

    private List<Event> query(se.utskick.db.Sql sql, Object... params) {
        return db.withConnection(c -> Bind.list(c, sql, rs -> {
            Integer assoc = rs.getObject(2) == null ? null : rs.getInt(2);
            Timestamp ends = rs.getTimestamp(6);
            return new Event(rs.getLong(1), assoc, rs.getString(3), rs.getString(4), rs.getTimestamp(5).toLocalDateTime(),
                    ends == null ? null : ends.toLocalDateTime(), rs.getString(7), rs.getString(8), EventState.valueOf(rs.getString(9)));
        }, params));
    }
}
