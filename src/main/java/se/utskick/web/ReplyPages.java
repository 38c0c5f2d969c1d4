package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.Utskick;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.replies.LoggedMessage;
import se.utskick.replies.MessageKind;

/**
 * {@code /svar}: the reply inbox, filtered by letter and kind (reply, auto-reply, bounces,
 * unmatched); {@code /svar/{id}}: one message's full text, marked handled by a POST (audited);
 * {@code /brev/{id}/aterkoppling}: the feedback table of a board letter (answered / not yet, per
 * association, with the replies' excerpts).
 */
final class ReplyPages {
    private static final int ROWS = 200;
    private final Utskick app;
    private final Views views;

    ReplyPages(Utskick app, Views views) {
        this.app = app;
        this.views = views;
    }

    void routes(RoutesConfig r) {
        r.get("/svar", this::inbox);
        r.get("/svar/{id}", this::show);
        r.post("/svar/{id}/hanterad", this::handled);
        r.get("/brev/{id}/aterkoppling", this::feedback);
    }

    private void inbox(Context ctx) {
        Long letter = parseLong(ctx.queryParam("brev"));
        String kind = ctx.queryParam("typ");
        boolean unmatched = "UNMATCHED".equals(kind);
        MessageKind k = null;
        try {
            k = kind == null || kind.isBlank() || unmatched ? null : MessageKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            kind = "";
        }
        // admin (issue 16): paged with the true total
        int total = app.replies().log().count(letter, k, unmatched);
        Pages.Page page = Pages.of(ctx, total, ROWS);
        List<LoggedMessage> rows = app.replies().log().page(letter, k, unmatched, page.offset(), ROWS);
        Map<String, Object> m = new HashMap<>();
        m.put("pager", page.model("/svar?brev=" + (letter == null ? "" : letter) + "&typ=" + (kind == null ? "" : kind)));
        m.put("rows", rows);
        m.put("letter", letter == null ? "" : letter.toString());
        m.put("kind", kind == null ? "" : kind);
        m.put("kinds", List.of("REPLY", "AUTO_REPLY", "HARD_BOUNCE", "SOFT_BOUNCE", "DELAYED", "UNSUBSCRIBE", "BLOCKED", "COMPLAINT", "UNMATCHED"));
        m.put("letters", app.letters().recent(null, 30).stream().filter(l -> l.state().name().startsWith("SEN"))
                .map(l -> Map.of("id", l.id(), "subject", l.subject())).toList());
        views.render(ctx, "replies.ftlh", m);
    }

    private void show(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        LoggedMessage msg = app.replies().log().show(id).orElse(null);
        if (msg == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("Svaret finns inte.");
            return;
        }
        views.render(ctx, "reply.ftlh", Map.of("m", msg, "body", msg.bodyText() == null ? "" : msg.bodyText()));
    }

    private void handled(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        if (app.replies().log().markHandled(id, Staff.actor(ctx))) {
            app.audit().record(Staff.actor(ctx), "reply.handled", "reply " + id, "");
        }
        Flash.redirect(ctx, "/svar/" + id, "handled");
    }

    private void feedback(Context ctx) {
        long id = LetterPages.id(ctx);
        Letter l = app.letters().get(id);
        try {
            views.render(ctx, "feedback.ftlh", Map.of("letter", LetterRows.row(l, app), "f", app.replies().log().feedback(id),
                    "board", l.kind() == LetterKind.BOARD));
        } catch (UtskickException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).result(e.getMessage());
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
