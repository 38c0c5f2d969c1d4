package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.utskick.associations.Associations;
import se.utskick.associations.Material;
import se.utskick.associations.MaterialKind;
import se.utskick.associations.Outreach;
import se.utskick.associations.PageException;

/**
 * The ombudsman's side of the association pages, behind {@link StaffGate}: {@code /foreningsarbete} the
 * outreach overview of a year (chart, table, the associations behind the pace as CSV);
 * {@code /foreningsarbete/inskickat} the events and material sent in, to approve or refuse with a
 * reason, and the revocation of page links; {@code /foreningsarbete/bank} the approved material and the
 * form for the district's own. Every change is audited by {@link Associations}.
 */
final class AssociationStaffPages {
    private final Associations associations;
    private final Views views;

    AssociationStaffPages(Associations associations, Views views) {
        this.associations = associations;
        this.views = views;
    }

    void routes(RoutesConfig r) {
        r.get("/foreningsarbete", this::overview);
        r.get("/foreningsarbete/efter-csv", this::behindCsv);
        r.get("/foreningsarbete/inskickat", ctx -> inbox(ctx, ""));
        r.post("/foreningsarbete/arrangemang/{id}/godkann", ctx -> decide(ctx, () -> associations.approveEvent(id(ctx), Staff.actor(ctx))));
        r.post("/foreningsarbete/arrangemang/{id}/avsla", ctx -> decide(ctx,
                () -> associations.refuseEvent(id(ctx), ctx.formParam("reason"), Staff.actor(ctx))));
        r.post("/foreningsarbete/material/{id}/godkann", ctx -> decide(ctx, () -> associations.bank().approve(id(ctx), Staff.actor(ctx))));
        r.post("/foreningsarbete/material/{id}/avsla", ctx -> decide(ctx,
                () -> associations.bank().refuse(id(ctx), ctx.formParam("reason"), Staff.actor(ctx))));
        r.post("/foreningsarbete/lankar/leverans", ctx -> decide(ctx,
                () -> associations.links().revokeDelivery(number(ctx.formParam("delivery")), Staff.actor(ctx))));
        r.post("/foreningsarbete/lankar/forening", ctx -> decide(ctx,
                () -> associations.links().revokeAssociation(number(ctx.formParam("association")), Staff.actor(ctx))));
        r.get("/foreningsarbete/material/{id}", this::file);
        r.get("/foreningsarbete/bank", ctx -> bank(ctx, "", Map.of()));
        r.post("/foreningsarbete/bank", this::addDistrict);
    }

    private static long id(Context ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.strip());
        } catch (NumberFormatException e) {
            throw PageException.field("number", "assoc.error.number", "not a number");
        }
    }

    private int year(Context ctx) {
        String y = ctx.queryParam("ar");
        if (y != null && y.matches("\\d{4}")) {
            return Integer.parseInt(y);
        }
        return associations.thisYear();
    }

    private void overview(Context ctx) {
        Outreach o = associations.outreach(year(ctx));
        views.render(ctx, "associations-outreach.ftlh", Map.of("o", o, "chart", OutreachChart.svg(o)));
    }

    private void behindCsv(Context ctx) {
        Outreach o = associations.outreach(year(ctx));
        ctx.header("Content-Disposition", "attachment; filename=\"efter-i-takt-" + o.year() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(("\uFEFF" + o.behindCsv()).getBytes(StandardCharsets.UTF_8));
    }

    private void inbox(Context ctx, String error) {
        Map<String, Object> m = new HashMap<>();
        m.put("events", associations.proposedEvents());
        m.put("material", associations.bank().proposed());
        m.put("revocations", associations.links().revocations());
        m.put("error", error);
        views.render(ctx, "associations-inbox.ftlh", m);
    }

    private void decide(Context ctx, Runnable change) {
        try {
            change.run();
            Flash.redirect(ctx, "/foreningsarbete/inskickat", "assoc-decided");
        } catch (PageException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            inbox(ctx, WebUi.words(views.texts(), e));
        }
    }

    private void file(Context ctx) {
        Optional<Material> m = associations.bank().get(id(ctx));
        Optional<byte[]> bytes = m.flatMap(x -> associations.bank().staffFile(x));
        if (bytes.isEmpty()) {
            ctx.status(404);
            views.render(ctx, "association-gone.ftlh", Map.of("what", "file"));
            return;
        }
        AssociationPages.send(ctx, m.get(), bytes.get());
    }

    private void bank(Context ctx, String error, Map<String, Object> form) {
        Map<String, Object> m = new HashMap<>();
        String kind = ctx.queryParam("typ");
        String text = ctx.queryParam("sok");
        m.put("kind", kind == null ? "" : kind);
        m.put("search", text == null ? "" : text);
        try {
            m.put("bank", associations.bank().search(kind, text));
        } catch (PageException e) {
            m.put("bank", associations.bank().search(null, text));
        }
        m.put("materialKinds", MaterialKind.values());
        m.put("maxMb", associations.config().maxFileBytes() / (1024 * 1024));
        m.put("error", error);
        m.put("form", form);
        views.render(ctx, "associations-bank.ftlh", m);
    }

    private void addDistrict(Context ctx) {
        try {
            associations.bank().addDistrict(Staff.actor(ctx), AssociationPages.upload(ctx, associations.config().maxFileBytes()));
            Flash.redirect(ctx, "/foreningsarbete/bank", "assoc-added");
        } catch (PageException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            Map<String, Object> form = new HashMap<>();
            ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
            bank(ctx, WebUi.words(views.texts(), e), form);
        }
    }
}
