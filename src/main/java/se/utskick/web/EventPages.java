package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.audit.AuditLog;
import se.utskick.letters.Event;
import se.utskick.letters.EventState;
import se.utskick.letters.Events;
import se.utskick.register.Register;

/**
 * {@code /arrangemang}: the events of the coming weeks (from {@code ?fran=YYYY-MM-DD}, default today) (proposed ones first, with an approve button), and a form
 * to add one; {@code /arrangemang/{id}}: edit. Only approved events go into the members' letter;
 * events staff add here are approved at once, events that associations send in arrive PROPOSED
 * ({@code events add --proposed}). A refused form (bad time, missing title, unknown association)
 * re-renders with the message and 422 and stores nothing. Every change is audited.
 */
final class EventPages {
    private static final int WEEKS = 26;
    private final Events events;
    private final Register register;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Views views;
    private final Texts texts;

    EventPages(Events events, Register register, AuditLog audit, ZoneId zone, Views views, Texts texts) {
        this.events = events;
        this.register = register;
        this.audit = audit;
        this.zone = zone;
        this.views = views;
        this.texts = texts;
    }

    void routes(RoutesConfig r) {
        r.get("/arrangemang", ctx -> list(ctx, EventForm.empty(), "", HttpStatus.OK));
        r.post("/arrangemang", this::add);
        r.get("/arrangemang/{id}", ctx -> edit(ctx, EventForm.of(event(ctx)), "", HttpStatus.OK));
        r.post("/arrangemang/{id}", this::save);
        r.post("/arrangemang/{id}/godkann", this::approve);
    }

    private void list(Context ctx, EventForm form, String error, HttpStatus status) {
        LocalDateTime from = from(ctx).atStartOfDay();
        List<Event> events = this.events.listed(from, from.plusWeeks(WEEKS));
        Map<String, Object> m = model(form, error);
        m.put("proposed", events.stream().filter(e -> e.state() == EventState.PROPOSED).toList());
        m.put("approved", events.stream().filter(e -> e.state() == EventState.APPROVED).toList());
        m.put("weeks", WEEKS);
        ctx.status(status);
        views.render(ctx, "events.ftlh", m);
    }

    /** {@code ?fran=YYYY-MM-DD}, default today. */
    private LocalDate from(Context ctx) {
        String f = ctx.queryParam("fran");
        if (f == null || f.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(f.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new UtskickException(texts.get("compose.bad.date", f.strip()));
        }
    }

    private void edit(Context ctx, EventForm form, String error, HttpStatus status) {
        Map<String, Object> m = model(form, error);
        m.put("event", event(ctx));
        ctx.status(status);
        views.render(ctx, "event.ftlh", m);
    }

    private Map<String, Object> model(EventForm form, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("form", form.fields());
        m.put("error", error);
        m.put("associations", register.associationNames().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> Map.of("id", e.getKey().toString(), "name", e.getValue())).toList());
        return m;
    }

    private void add(Context ctx) {
        EventForm form = EventForm.of(ctx);
        try {
            Integer association = form.associationId(register.associationNames(), texts);
            LocalDateTime starts = form.startsAt(texts);
            long id = events.add(association, form.title(), starts, form.endsAt(starts, texts), form.place(),
                    form.description());
            audit.record(Staff.actor(ctx), "event.add", "event " + id, EventState.APPROVED.name());
            Flash.redirect(ctx, "/arrangemang", "event-added");
        } catch (UtskickException e) {
            list(ctx, form, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void save(Context ctx) {
        Event e = event(ctx);
        EventForm form = EventForm.of(ctx);
        try {
            Integer association = form.associationId(register.associationNames(), texts);
            LocalDateTime starts = form.startsAt(texts);
            events.edit(e.id(), association, form.title(), starts, form.endsAt(starts, texts), form.place(),
                    form.description());
            audit.record(Staff.actor(ctx), "event.edit", "event " + e.id(), "");
            Flash.redirect(ctx, "/arrangemang", "event-saved");
        } catch (UtskickException ex) {
            edit(ctx, form, ex.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void approve(Context ctx) {
        Event e = event(ctx);
        if (events.approve(e.id())) {
            audit.record(Staff.actor(ctx), "event.approve", "event " + e.id(), "");
        }
        Flash.redirect(ctx, "/arrangemang", "event-approved");
    }

    private Event event(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        return events.get(id).orElseThrow(() -> new UtskickException(texts.get("error.notfound")));
    }
}
