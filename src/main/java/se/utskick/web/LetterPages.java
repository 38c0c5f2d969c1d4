package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.Utskick;
import se.utskick.audience.Resolution;
import se.utskick.letters.Approval;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.letters.Preview;

/**
 * {@code /brev}: the list of letters and a new one; {@code /brev/{id}}: compose (settings, items in
 * Markdown with add/edit/reorder/remove, audience with who is left out, preview for a chosen
 * recipient, approve, schedule, send with a confirmation stating the number of recipients).
 * Every change is audited. A refused change (a service's {@link UtskickException}: a template
 * error with its line, a letter no longer a draft, a bad date) re-renders the page with the
 * message and status 422; nothing is half-done because each service call is one transaction.
 */
final class LetterPages {
    private final Utskick app;
    private final Views views;
    private final Texts texts;
    private final LetterPreviews previews;

    LetterPages(Utskick app, Views views, Texts texts) {
        this.app = app;
        this.views = views;
        this.texts = texts;
        this.previews = new LetterPreviews(app);
    }

    void routes(RoutesConfig r) {
        r.get("/brev", this::list);
        r.post("/brev", this::create);
        r.get("/brev/{id}", ctx -> compose(ctx, "", HttpStatus.OK));
        r.post("/brev/{id}/installningar", this::settings);
        r.post("/brev/{id}/punkter", ctx -> change(ctx, "item-added",
                id -> app.letters().addItemText(id, ctx.formParam("heading"), ctx.formParam("body")), "letter.item.add"));
        r.post("/brev/{id}/punkter/{pos}", ctx -> change(ctx, "item-saved",
                id -> app.letters().editItem(id, position(ctx), ctx.formParam("heading"), ctx.formParam("body")), "letter.item.edit"));
        r.post("/brev/{id}/punkter/{pos}/ta-bort", ctx -> change(ctx, "item-removed",
                id -> app.letters().removeItem(id, position(ctx)), "letter.item.remove"));
        r.post("/brev/{id}/punkter/{pos}/upp", ctx -> change(ctx, "item-moved",
                id -> app.letters().moveItem(id, position(ctx), -1), "letter.item.move"));
        r.post("/brev/{id}/punkter/{pos}/ner", ctx -> change(ctx, "item-moved",
                id -> app.letters().moveItem(id, position(ctx), 1), "letter.item.move"));
        r.post("/brev/{id}/godkann", this::approve);
        r.post("/brev/{id}/ateroppna", ctx -> change(ctx, "reopened", id -> app.letters().reopen(id), "letter.reopen"));
        r.get("/brev/{id}/skicka", this::confirmSend);
        r.post("/brev/{id}/skicka", this::send);
        r.post("/brev/{id}/schemalagg", this::schedule);
        previews.routes(r);
    }

    private void list(Context ctx) {
        views.render(ctx, "letters.ftlh", Map.of("letters", LetterRows.of(app.letters().recent(null, 100), app),
                "lists", app.audiences().lists(), "associations", app.register().associationNames().values().stream().sorted().toList(),
                "error", ""));
    }

    private void create(Context ctx) {
        try {
            LetterKind kind = LetterKind.valueOf(String.valueOf(ctx.formParam("kind")));
            String period = blankToNull(ctx.formParam("period"));
            List<String> associations = ctx.formParams("associations");
            String list = blankToNull(ctx.formParam("list"));
            Letter l = app.letters().create(kind, period, associations, associations.isEmpty() ? list : null);
            app.audit().record(Staff.actor(ctx), "letter.new", "letter " + l.id(), kind.name());
            Flash.redirect(ctx, "/brev/" + l.id(), "created");
        } catch (UtskickException | IllegalArgumentException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            views.render(ctx, "letters.ftlh", Map.of("letters", LetterRows.of(app.letters().recent(null, 100), app),
                    "lists", app.audiences().lists(), "associations", app.register().associationNames().values().stream().sorted().toList(),
                    "error", e instanceof UtskickException ? e.getMessage() : texts.get("letters.new.error")));
        }
    }

    /** The compose page re-rendered after a refused change: the Swedish sentence at its field (or above the page). */
    void compose(Context ctx, FormError error) {
        compose(ctx, error.atField() ? "" : error.message(), HttpStatus.forStatus(error.status()), error);
    }

    /** The compose page; {@code error} (may be empty) is shown above everything. */
    void compose(Context ctx, String error, HttpStatus status) {
        compose(ctx, error, status, FormError.none());
    }

    private void compose(Context ctx, String error, HttpStatus status, FormError formError) {
        Letter l = app.letters().get(id(ctx));
        Map<String, Object> m = new HashMap<>();
        m.put("letter", LetterRows.row(l, app));
        m.put("rec", l);
        m.put("items", l.items());
        m.put("draft", l.state() == LetterState.DRAFT);
        m.put("approved", l.state() == LetterState.APPROVED);
        m.put("sending", l.state() == LetterState.SENDING || l.state() == LetterState.SENT || l.state() == LetterState.CANCELLED);
        m.put("deadline", l.feedbackDeadline() == null ? "" : l.feedbackDeadline().toString());
        m.put("password", l.websitePassword() == null ? "" : l.websitePassword());
        m.put("request", l.feedbackRequest() == null ? "" : l.feedbackRequest());
        m.put("events", app.letters().eventsOf(l));
        Resolution audience = app.letters().audienceNow(l);
        m.put("recipients", audience.recipients());
        m.put("leftOut", audience.leftOut().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Map.of("reason", e.getKey().name(), "count", e.getValue())).toList());
        m.put("leftOutPeople", l.kind() == LetterKind.REMINDER ? List.of()
                : app.audiences().leftOut(se.utskick.audience.Rule.parse(l.audienceRule()), l.kind().offersUnsubscribe(), 25));
        String member = ctx.queryParam("medlem") == null ? "" : ctx.queryParam("medlem").strip();
        m.put("member", member);
        m.put("preview", previews.forPage(l, member));
        m.put("error", error);
        m.put("formError", formError.model());
        ctx.status(status);
        views.render(ctx, "compose.ftlh", m);
    }

    private void settings(Context ctx) {
        change(ctx, "settings-saved", id -> {
            Letter l = app.letters().get(id);
            String subject = ctx.formParam("subject");
            if (subject != null && !subject.strip().equals(l.subject())) {
                app.letters().setSubject(id, subject);
            }
            String deadline = ctx.formParam("deadline");
            if (deadline != null && !deadline.isBlank() && !deadline.equals(String.valueOf(l.feedbackDeadline()))) {
                app.letters().setDeadline(id, date(deadline));
            }
            String password = ctx.formParam("password");
            if (password != null && !password.isBlank() && !password.strip().equals(l.websitePassword())) {
                app.letters().setPassword(id, password);
            }
            String request = ctx.formParam("request");
            if (request != null && !request.strip().equals(l.feedbackRequest() == null ? "" : l.feedbackRequest())) {
                app.letters().setFeedbackRequest(id, request.isBlank() ? null : request.strip());
            }
        }, "letter.edit");
    }

    private void approve(Context ctx) {
        long id = id(ctx);
        try {
            Approval.Approved a = app.letters().approve(id);
            app.audit().record(Staff.actor(ctx), "letter.approve", "letter " + id, a.recipients() + " recipients");
            Flash.redirect(ctx, "/brev/" + id, "approved");
        } catch (UtskickException e) {
            compose(ctx, texts.get("compose.approve.refused") + " " + e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void confirmSend(Context ctx) {
        Letter l = app.letters().get(id(ctx));
        views.render(ctx, "send-confirm.ftlh", Map.of("letter", LetterRows.row(l, app), "recipients", app.letters().audienceNow(l).recipients(),
                "ready", l.state() == LetterState.APPROVED));
    }

    /** Sends now; the form repeats the number of recipients it showed, and a different number now refuses (the audience moved). */
    private void send(Context ctx) {
        long id = id(ctx);
        Letter l = app.letters().get(id);
        int now = app.letters().audienceNow(l).recipients();
        if (!String.valueOf(now).equals(ctx.formParam("recipients"))) {
            compose(ctx, texts.get("send.count.changed", now), HttpStatus.CONFLICT);
            return;
        }
        try {
            int n = app.delivery().send(id);
            app.audit().record(Staff.actor(ctx), "letter.send", "letter " + id, n + " recipients");
            Flash.redirect(ctx, "/brev/" + id + "/utskick", "sending");
        } catch (UtskickException e) {
            compose(ctx, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void schedule(Context ctx) {
        change(ctx, "scheduled", id -> {
            LocalDateTime at;
            try {
                at = LocalDateTime.parse(String.valueOf(ctx.formParam("at")));
            } catch (DateTimeParseException e) {
                throw new UtskickException(texts.get("schedule.bad.time"));
            }
            app.delivery().schedule(id, at.atZone(app.letters().zone()).toInstant());
        }, "letter.schedule");
    }

    /** Runs one change of letter {@code id}, audits it, and redirects back to the compose page. */
    private void change(Context ctx, String done, LetterChange change, String action) {
        long id = id(ctx);
        try {
            change.apply(id);
            app.audit().record(Staff.actor(ctx), action, "letter " + id, "");
            Flash.redirect(ctx, "/brev/" + id + (done.startsWith("item") ? "#punkter" : ""), done);
        } catch (se.utskick.UserError e) {
            compose(ctx, FormError.of(e, texts));
        } catch (UtskickException e) {
            compose(ctx, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @FunctionalInterface
    private interface LetterChange {
        void apply(long letterId);
    }

    static long id(Context ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    private static int position(Context ctx) {
        return Integer.parseInt(ctx.pathParam("pos"));
    }

    private LocalDate date(String s) {
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new se.utskick.letters.InvalidLetterField(0, "deadline", "error.letter.deadline.format", "the date " + s + " cannot be read");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
