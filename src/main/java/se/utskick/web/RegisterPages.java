package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.Utskick;
import se.utskick.register.AddressException;
import se.utskick.register.AssociationCard;
import se.utskick.register.EmailStatus;
import se.utskick.register.MemberCard;
import se.utskick.register.MemberDirectory;

/**
 * {@code /register}: member search by name, member number or address ({@code ?q=}), or an
 * association's members ({@code ?forening=ID}); {@code /register/medlem/{id}}: one member, with the
 * address correction (checked as the import checks it; a refused address changes nothing and
 * answers 422) and unsubscribe/resubscribe from the members' letter; {@code /foreningar/{id}}: an
 * association with its role holders and address problems. Changes are audited by member id, never
 * with the address or name.
 */
final class RegisterPages {
    private final Utskick app;
    private final Views views;
    private final Texts texts;

    RegisterPages(Utskick app, Views views, Texts texts) {
        this.app = app;
        this.views = views;
        this.texts = texts;
    }

    void routes(RoutesConfig r) {
        r.get("/register", this::search);
        r.get("/register/medlem/{id}", ctx -> member(ctx, "", "", HttpStatus.OK));
        r.post("/register/medlem/{id}/adress", this::correct);
        r.post("/register/medlem/{id}/avregistrera", ctx -> subscription(ctx, true));
        r.post("/register/medlem/{id}/aterregistrera", ctx -> subscription(ctx, false));
        r.post("/register/medlem/{id}/utdrag", this::exportMember);
        r.get("/foreningar/{id}", this::association);
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String f = ctx.queryParam("forening");
        Integer association = f == null || f.isBlank() ? null : Integer.valueOf(f.strip());
        Map<String, Object> m = new HashMap<>();
        m.put("q", q);
        m.put("association", association == null ? "" : association.toString());
        m.put("associations", app.register().associationNames().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> Map.of("id", e.getKey().toString(), "name", e.getValue())).toList());
        m.put("searched", !q.isEmpty() || association != null);
        m.put("members", app.register().directory().search(q, association));
        m.put("max", MemberDirectory.MAX_ROWS);
        views.render(ctx, "register.ftlh", m);
    }

    /** The member page; {@code error} (may be empty) above the address form, which keeps {@code typed}. */
    private void member(Context ctx, String error, String typed, HttpStatus status) {
        MemberCard card = card(ctx);
        Map<String, Object> m = new HashMap<>();
        m.put("card", card);
        m.put("member", card.member());
        m.put("since", card.member().emailSince().toInstant(ZoneOffset.UTC));
        m.put("unsubscribedAt", card.unsubscribed() ? card.unsubscribedAt().toInstant(ZoneOffset.UTC) : "");
        m.put("problem", card.member().emailStatus() != EmailStatus.OK);
        m.put("error", error);
        m.put("typed", typed);
        ctx.status(status);
        views.render(ctx, "member.ftlh", m);
    }

    private void correct(Context ctx) {
        MemberCard card = card(ctx);
        String typed = ctx.formParam("email") == null ? "" : ctx.formParam("email");
        try {
            app.register().correctAddress(card.member().id(), typed);
        } catch (AddressException e) {
            String message = e.check().status() == EmailStatus.MISSING ? texts.get("member.address.empty")
                    : texts.get("member.address.bad", e.check().reason());
            member(ctx, message, typed, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        app.audit().record(Staff.actor(ctx), "member.address", "member " + card.member().id(),
                "was " + card.member().emailStatus().name() + ", now OK");
        Flash.redirect(ctx, "/register/medlem/" + card.member().id(), "address-saved");
    }

    private void subscription(Context ctx, boolean unsubscribe) {
        MemberCard card = card(ctx);
        app.register().setUnsubscribed(card.member().id(), unsubscribe);
        app.audit().record(Staff.actor(ctx), unsubscribe ? "member.unsubscribe" : "member.resubscribe", "member " + card.member().id(), "");
        Flash.redirect(ctx, "/register/medlem/" + card.member().id(), unsubscribe ? "unsubscribed" : "resubscribed");
    }

    /** Registerutdrag (GDPR art. 15): everything held about the member, as a JSON download; audited. */
    private void exportMember(Context ctx) {
        MemberCard card = card(ctx);
        String json = app.register().exportMember(card.member().number());
        app.audit().record(Staff.actor(ctx), "member.export", "member " + card.member().id(), "downloaded in the web interface");
        ctx.header("Content-Disposition", "attachment; filename=\"registerutdrag-medlem-" + card.member().id() + ".json\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(json);
    }

    private void association(Context ctx) {
        AssociationCard a = app.register().directory().association(Integer.parseInt(ctx.pathParam("id")))
                .orElseThrow(() -> new UtskickException(texts.get("error.notfound")));
        views.render(ctx, "association.ftlh", Map.of("a", a));
    }

    private MemberCard card(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        return app.register().directory().member(id).orElseThrow(() -> new UtskickException(texts.get("error.notfound")));
    }
}
