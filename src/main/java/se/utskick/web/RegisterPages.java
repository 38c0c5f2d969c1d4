package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.audit.AuditLog;
import se.utskick.register.AddressException;
import se.utskick.register.AssociationCard;
import se.utskick.register.EmailStatus;
import se.utskick.register.MemberCard;
import se.utskick.register.MemberSearch;
import se.utskick.register.Region;
import se.utskick.register.Register;
import se.utskick.register.Role;

/**
 * {@code /register}: members by name, member number or address ({@code ?q=}), association
 * ({@code ?forening=ID}), region, role ({@code ?uppdrag=}) and address state ({@code ?adress=}),
 * {@value #PAGE} a page ({@code ?sida=}) with the true total ({@code register.MemberSearch}); {@code /register/medlem/{id}}: one member, with the
 * address correction (checked as the import checks it; a refused address changes nothing and
 * answers 422) and unsubscribe/resubscribe from the members' letter; {@code /foreningar/{id}}: an
 * association with its role holders and address problems. Changes are audited by member id, never
 * with the address or name.
 */
final class RegisterPages {
    /** Members per page of the member list. */
    static final int PAGE = 100;
    private final Register register;
    private final MemberSearch memberSearch;
    private final AuditLog audit;
    private final Views views;
    private final Texts texts;

    RegisterPages(Register register, MemberSearch memberSearch, AuditLog audit, Views views, Texts texts) {
        this.register = register;
        this.memberSearch = memberSearch;
        this.audit = audit;
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
        String q = param(ctx, "q");
        String f = param(ctx, "forening");
        Integer association = f.isEmpty() ? null : Integer.valueOf(f);
        String region = param(ctx, "region");
        String role = param(ctx, "uppdrag");
        String address = param(ctx, "adress");
        boolean activeOnly = "ja".equals(ctx.queryParam("aktiva"));
        MemberSearch.Filter filter;
        try {
            filter = new MemberSearch.Filter(q, association, region.isEmpty() ? null : Region.valueOf(region),
                    role.isEmpty() ? null : Role.valueOf(role), address, activeOnly);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound("member filter");
        }
        int page = param(ctx, "sida").isEmpty() ? 1 : Integer.parseInt(param(ctx, "sida"));
        boolean searched = !q.isEmpty() || association != null || !region.isEmpty() || !role.isEmpty() || !address.isEmpty();
        Map<String, Object> m = new HashMap<>();
        m.put("q", q);
        m.put("association", association == null ? "" : association.toString());
        m.put("region", region);
        m.put("role", role);
        m.put("address", address);
        m.put("activeOnly", activeOnly);
        m.put("associations", register.associationNames().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> Map.of("id", e.getKey().toString(), "name", e.getValue())).toList());
        m.put("regions", java.util.Arrays.stream(Region.values()).map(Enum::name).toList());
        m.put("roles", java.util.Arrays.stream(Role.values()).map(Enum::name).toList());
        m.put("addressStates", MemberSearch.ADDRESS_STATES);
        m.put("searched", searched);
        MemberSearch.Page result = searched ? memberSearch.search(filter, page, PAGE)
                : new MemberSearch.Page(java.util.List.of(), 0, 1, PAGE);
        m.put("members", result.rows());
        m.put("total", result.total());
        m.put("page", result.page());
        m.put("pages", result.pages());
        m.put("query", "q=" + enc(q) + "&forening=" + enc(f) + "&region=" + enc(region) + "&uppdrag=" + enc(role)
                + "&adress=" + enc(address) + (activeOnly ? "&aktiva=ja" : ""));
        views.render(ctx, "register.ftlh", m);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
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
            register.correctAddress(card.member().id(), typed);
        } catch (AddressException e) {
            String message = e.check().status() == EmailStatus.MISSING ? texts.get("member.address.empty")
                    : texts.get("member.address.bad", e.check().reason());
            member(ctx, message, typed, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        audit.record(Staff.actor(ctx), "member.address", "member " + card.member().id(),
                "was " + card.member().emailStatus().name() + ", now OK");
        Flash.redirect(ctx, "/register/medlem/" + card.member().id(), "address-saved");
    }

    private void subscription(Context ctx, boolean unsubscribe) {
        MemberCard card = card(ctx);
        register.setUnsubscribed(card.member().id(), unsubscribe);
        audit.record(Staff.actor(ctx), unsubscribe ? "member.unsubscribe" : "member.resubscribe", "member " + card.member().id(), "");
        Flash.redirect(ctx, "/register/medlem/" + card.member().id(), unsubscribe ? "unsubscribed" : "resubscribed");
    }

    /** Registerutdrag (GDPR art. 15): everything held about the member, as a JSON download; audited. */
    private void exportMember(Context ctx) {
        MemberCard card = card(ctx);
        String json = register.exportMember(card.member().number());
        audit.record(Staff.actor(ctx), "member.export", "member " + card.member().id(), "downloaded in the web interface");
        ctx.header("Content-Disposition", "attachment; filename=\"registerutdrag-medlem-" + card.member().id() + ".json\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(json);
    }

    private void association(Context ctx) {
        AssociationCard a = register.directory().association(Integer.parseInt(ctx.pathParam("id")))
                .orElseThrow(() -> new UtskickException(texts.get("error.notfound")));
        views.render(ctx, "association.ftlh", Map.of("a", a));
    }

    private MemberCard card(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        return register.directory().member(id).orElseThrow(() -> new UtskickException(texts.get("error.notfound")));
    }
}
