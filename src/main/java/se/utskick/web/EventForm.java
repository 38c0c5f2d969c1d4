package se.utskick.web;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.letters.Event;

/**
 * The fields of the event form as typed, and their check: the same rules as {@code events add}
 * (title and place required, a start, an end after the start, a known association or none for the
 * district's own), with Swedish messages. Times are the browser's {@code datetime-local} values.
 */
record EventForm(String association, String title, String starts, String ends, String place, String description) {

    static EventForm of(Context ctx) {
        return new EventForm(field(ctx, "association"), field(ctx, "title"), field(ctx, "starts"), field(ctx, "ends"),
                field(ctx, "place"), field(ctx, "description"));
    }

    static EventForm empty() {
        return new EventForm("", "", "", "", "", "");
    }

    static EventForm of(Event e) {
        return new EventForm(e.associationId() == null ? "" : e.associationId().toString(), e.title(), e.startsAt().toString(),
                e.endsAt() == null ? "" : e.endsAt().toString(), e.place(), e.description());
    }

    /** The fields by name, for the page (templates cannot read a package-private record). */
    Map<String, String> fields() {
        return Map.of("association", association, "title", title, "starts", starts, "ends", ends, "place", place,
                "description", description);
    }

    /** The association's id, or null for the district; an id not in {@code associations} is refused. */
    Integer associationId(Map<Long, String> associations, Texts texts) {
        if (association.isBlank()) {
            return null;
        }
        try {
            int id = Integer.parseInt(association.strip());
            if (associations.containsKey((long) id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UtskickException(texts.get("event.bad.association"));
    }

    LocalDateTime startsAt(Texts texts) {
        if (title.isBlank()) {
            throw new UtskickException(texts.get("event.need.title"));
        }
        if (place.isBlank()) {
            throw new UtskickException(texts.get("event.need.place"));
        }
        if (starts.isBlank()) {
            throw new UtskickException(texts.get("event.need.starts"));
        }
        return time(starts, texts);
    }

    /** The end, or null if none was given; one at or before {@code start} is refused. */
    LocalDateTime endsAt(LocalDateTime start, Texts texts) {
        if (ends.isBlank()) {
            return null;
        }
        LocalDateTime end = time(ends, texts);
        if (!end.isAfter(start)) {
            throw new UtskickException(texts.get("event.bad.order"));
        }
        return end;
    }

    private static LocalDateTime time(String s, Texts texts) {
        try {
            return LocalDateTime.parse(s.strip().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new UtskickException(texts.get("event.bad.time", s.strip()));
        }
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }
}
