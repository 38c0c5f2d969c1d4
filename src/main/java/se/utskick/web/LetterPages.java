package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.UserError;
import se.utskick.UtskickException;
import se.utskick.audience.Audiences;
import se.utskick.audience.Resolution;
import se.utskick.audit.AuditLog;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryLog;
import se.utskick.letters.InvalidLetterField;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterApprovals;
import se.utskick.letters.LetterDrafts;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterNotFound;
import se.utskick.letters.LetterReading;
import se.utskick.letters.LetterState;
import se.utskick.register.Register;

/**
 * {@code /brev}: the list of letters and a new one; {@code /brev/{id}}: compose (settings, items in
 * Markdown with add/edit/reorder/remove, audience with who is left out, preview for a chosen
 * recipient, approve, schedule, send with a confirmation stating the number of recipients, delete a
 * draft). Each form is one call of the letters' services with the signed-in person as actor: the
 * change and its audit row are one transaction. A refused form ({@link UserError}) re-renders the page
 * with what was typed and the Swedish sentence at the field, status 404/409/422; nothing was saved.
 */
final class LetterPages {
    /** The fields the compose page shows a sentence next to; any other field's sentence goes above the page. */
    private static final java.util.Set<String> SHOWN_AT_FIELD = java.util.Set.of("subject", "deadline", "request", "password", "heading", "body",
            "address", "member");
    private final LetterDrafts drafts;
    private final LetterApprovals approvals;
    private final LetterReading letters;
    private final Audiences audiences;
    private final Register register;
    private final Delivery delivery;
    private final DeliveryLog deliveries;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Views views;
    private final Texts texts;
    private final LetterPreviews previews;

    LetterPages(LetterDrafts drafts, LetterApprovals approvals, LetterReading letters, Audiences audiences, Register register,
            Delivery delivery, DeliveryLog deliveries, AuditLog audit, ZoneId zone, Views views, Texts texts) {
        this.drafts = drafts;
        this.approvals = approvals;
        this.letters = letters;
        this.audiences = audiences;
        this.register = register;
        this.delivery = delivery;
        this.deliveries = deliveries;
        this.audit = audit;
        this.zone = zone;
        this.views = views;
        this.texts = texts;
        this.previews = new LetterPreviews(letters, deliveries, texts);
    }

    void routes(RoutesConfig r) {
        r.get("/brev", ctx -> list(ctx, FormError.none()));
        r.post("/brev", this::create);
        r.get("/brev/{id}", ctx -> compose(ctx, Refused.NONE));
        r.post("/brev/{id}/installningar", ctx -> change(ctx, "settings-saved", -1, (id, who) -> drafts.saveSettings(id,
                new LetterDrafts.Settings(ctx.formParam("subject"), ctx.formParam("deadline"), ctx.formParam("request"), ctx.formParam("password")), who)));
        r.post("/brev/{id}/punkter", ctx -> change(ctx, "item-added", 0,
                (id, who) -> drafts.addItemText(id, ctx.formParam("heading"), ctx.formParam("body"), who)));
        r.post("/brev/{id}/punkter/{pos}", ctx -> change(ctx, "item-saved", position(ctx),
                (id, who) -> drafts.editItem(id, position(ctx), ctx.formParam("heading"), ctx.formParam("body"), who)));
        r.post("/brev/{id}/punkter/{pos}/ta-bort", ctx -> change(ctx, "item-removed", -1,
                (id, who) -> drafts.removeItem(id, position(ctx), who)));
        r.post("/brev/{id}/punkter/{pos}/upp", ctx -> change(ctx, "item-moved", -1,
                (id, who) -> drafts.moveItem(id, position(ctx), -1, who)));
        r.post("/brev/{id}/punkter/{pos}/ner", ctx -> change(ctx, "item-moved", -1,
                (id, who) -> drafts.moveItem(id, position(ctx), 1, who)));
        r.post("/brev/{id}/godkann", ctx -> change(ctx, "approved", -1, (id, who) -> approvals.approve(id, who)));
        r.post("/brev/{id}/ateroppna", ctx -> change(ctx, "reopened", -1, (id, who) -> approvals.reopen(id, who)));
        r.post("/brev/{id}/ta-bort", this::delete);
        r.get("/brev/{id}/skicka", this::confirmSend);
        r.post("/brev/{id}/skicka", this::send);
        r.post("/brev/{id}/schemalagg", this::schedule);
        previews.routes(r);
        new TestSendPages(letters, delivery, audit, texts, this).routes(r);
    }

    private void list(Context ctx, FormError error) {
        ctx.status(error.status());
        Map<String, Object> m = new HashMap<>();
        m.put("letters", LetterRows.of(letters.recent(null, 100), deliveries));
        m.put("lists", audiences.lists());
        m.put("associations", register.associationNames().values().stream().sorted().toList());
        m.put("error", error.atField() ? "" : error.message());
        m.put("formError", error.model());
        m.put("typed", typed(ctx, "kind", "period", "list"));
        views.render(ctx, "letters.ftlh", m);
    }

    private void create(Context ctx) {
        try {
            LetterKind kind;
            try {
                kind = LetterKind.valueOf(String.valueOf(ctx.formParam("kind")));
            } catch (IllegalArgumentException e) {
                kind = null;
            }
            List<String> associations = ctx.formParams("associations");
            String list = blankToNull(ctx.formParam("list"));
            Letter l = drafts.create(kind, blankToNull(ctx.formParam("period")), associations,
                    associations.isEmpty() ? list : null, Staff.actor(ctx));
            Flash.redirect(ctx, "/brev/" + l.id(), "created");
        } catch (UserError e) {
            list(ctx, FormError.of(e, texts));
        } catch (UtskickException e) {
            list(ctx, new FormError("", e.getMessage(), 422));
        }
    }

    /** What a refused form sent, to show it again: the form ({@code -1} settings or none, 0 the new item, n item n) and its values. */
    record Refused(FormError error, String otherError, int position, Map<String, String> typed) {
        static final Refused NONE = new Refused(FormError.none(), "", -2, Map.of());
    }

    void compose(Context ctx, String error, HttpStatus status) {
        ctx.status(status);
        compose(ctx, new Refused(new FormError("", error, status.getCode()), "", -2, Map.of()));
    }

    private void compose(Context ctx, Refused refused) {
        Letter l = letters.get(id(ctx));
        Map<String, Object> m = new HashMap<>();
        m.put("letter", LetterRows.row(l, deliveries));
        m.put("rec", l);
        m.put("items", l.items());
        m.put("draft", l.state() == LetterState.DRAFT);
        m.put("approved", l.state() == LetterState.APPROVED);
        m.put("sending", l.state() == LetterState.SENDING || l.state() == LetterState.SENT || l.state() == LetterState.CANCELLED);
        Map<String, String> form = new HashMap<>();
        form.put("subject", l.subject());
        form.put("deadline", l.feedbackDeadline() == null ? "" : l.feedbackDeadline().toString());
        form.put("password", l.websitePassword() == null ? "" : l.websitePassword());
        form.put("request", l.feedbackRequest() == null ? "" : l.feedbackRequest());
        form.put("heading", "");
        form.put("body", "");
        form.put("address", "");
        form.putAll(refused.typed());
        m.put("form", form);
        m.put("errorPosition", refused.position());
        m.put("events", letters.eventsOf(l));
        Resolution audience = letters.audienceNow(l);
        m.put("recipients", audience.recipients());
        m.put("leftOut", audience.leftOut().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Map.of("reason", e.getKey().name(), "count", e.getValue())).toList());
        m.put("leftOutPeople", l.kind() == LetterKind.REMINDER ? List.of()
                : audiences.leftOut(se.utskick.audience.Rule.parse(l.audienceRule()), l.kind().offersUnsubscribe(), 25));
        String member = ctx.queryParam("medlem") == null ? "" : ctx.queryParam("medlem").strip();
        m.put("member", member);
        String name = ctx.queryParam("namn") == null ? "" : ctx.queryParam("namn").strip();
        m.put("name", name);
        m.put("named", letters.recipientsNamed(l.id(), name, 20));
        m.put("preview", previews.forPage(l, member, ctx.queryParam("leverans")));
        SentRecipients.put(m, l, deliveries);
        FormError e = refused.error();
        m.put("error", e.atField() && SHOWN_AT_FIELD.contains(e.field()) ? "" : e.message());
        m.put("formError", e.model());
        if (e.status() != 200) {
            ctx.status(e.status());
        }
        views.render(ctx, "compose.ftlh", m);
    }

    /** The compose page after a refused form that is not one of this class's (a test send): the sentence at its field. */
    void refused(Context ctx, FormError error, Map<String, String> typed) {
        compose(ctx, new Refused(error, "", -1, typed));
    }

    private void delete(Context ctx) {
        long id = id(ctx);
        try {
            drafts.delete(id, Staff.actor(ctx));
            Flash.redirect(ctx, "/brev", "deleted");
        } catch (UserError e) {
            compose(ctx, new Refused(FormError.of(e, texts), "", -1, Map.of()));
        }
    }

    private void confirmSend(Context ctx) {
        Letter l = letters.get(id(ctx));
        views.render(ctx, "send-confirm.ftlh", Map.of("letter", LetterRows.row(l, deliveries), "recipients", letters.audienceNow(l).recipients(),
                "ready", l.state() == LetterState.APPROVED));
    }

    /** Sends now; the form repeats the number of recipients it showed, and a different number now refuses (the audience moved). */
    private void send(Context ctx) {
        long id = id(ctx);
        Letter l = letters.get(id);
        int now = letters.audienceNow(l).recipients();
        if (!String.valueOf(now).equals(ctx.formParam("recipients"))) {
            compose(ctx, texts.get("send.count.changed", now), HttpStatus.CONFLICT);
            return;
        }
        try {
            int n = delivery.send(id);
            audit.record(Staff.actor(ctx), "letter.send", "letter " + id, n + " recipients");
            Flash.redirect(ctx, "/brev/" + id + "/utskick", "sending");
        } catch (UserError e) {
            compose(ctx, new Refused(FormError.of(e, texts), "", -1, Map.of()));
        } catch (UtskickException e) {
            compose(ctx, e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private void schedule(Context ctx) {
        change(ctx, "scheduled", -1, (id, who) -> {
            LocalDateTime at;
            try {
                at = LocalDateTime.parse(String.valueOf(ctx.formParam("at")));
            } catch (DateTimeParseException e) {
                throw new InvalidLetterField(id, "at", "error.letter.schedule.format", "the send time cannot be read");
            }
            delivery.schedule(id, at.atZone(zone).toInstant());
            audit.record(who, "letter.schedule", "letter " + id, "");
        });
    }

    /**
     * Runs one form's change of letter {@code id} (one service call, audited by the service) and
     * redirects back to the compose page; a refusal re-renders it with what was typed.
     */
    private void change(Context ctx, String done, int form, LetterChange change) {
        long id = id(ctx);
        try {
            change.apply(id, Staff.actor(ctx));
            Flash.redirect(ctx, "/brev/" + id + (done.startsWith("item") ? "#punkter" : ""), done);
        } catch (UserError e) {
            compose(ctx, new Refused(FormError.of(e, texts), "", form, typed(ctx, "subject", "deadline", "request", "password", "heading", "body")));
        } catch (UtskickException e) {
            String prefix = "approved".equals(done) ? texts.get("compose.approve.refused") + " " : "";
            compose(ctx, prefix + e.getMessage(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @FunctionalInterface
    private interface LetterChange {
        void apply(long letterId, String actor);
    }

    /** The letter's id in the path; anything but a number is a letter that does not exist (404). */
    static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("\\d{1,18}")) {
            throw new LetterNotFound(raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
        return Long.parseLong(raw);
    }

    private static int position(Context ctx) {
        return Integer.parseInt(ctx.pathParam("pos"));
    }

    /** The form fields sent, to show them again as typed. */
    private static Map<String, String> typed(Context ctx, String... fields) {
        Map<String, String> m = new HashMap<>();
        for (String f : fields) {
            String v = ctx.formParam(f);
            m.put(f, v == null ? "" : v);
        }
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
