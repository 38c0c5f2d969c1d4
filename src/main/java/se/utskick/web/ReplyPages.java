package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.audit.AuditLog;
import se.utskick.delivery.DeliveryLog;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterReading;
import se.utskick.replies.LoggedMessage;
import se.utskick.replies.MessageKind;
import se.utskick.replies.ReplyLog;

/**
 * {@code /svar}: the reply inbox, filtered by letter and kind (reply, auto-reply, bounces,
 * unmatched); {@code /svar/{id}}: one message's full text, marked handled by a POST (audited);
 * {@code /brev/{id}/aterkoppling}: the feedback table of a board letter (answered / not yet, per
 * association, with the replies' excerpts).
 */
final class ReplyPages {
    private static final int ROWS = 200;
    private final ReplyLog replies;
    private final LetterReading letters;
    private final DeliveryLog deliveries;
    private final AuditLog audit;
    private final Views views;

    ReplyPages(ReplyLog replies, LetterReading letters, DeliveryLog deliveries, AuditLog audit, Views views) {
        this.replies = replies;
        this.letters = letters;
        this.deliveries = deliveries;
        this.audit = audit;
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
        int total = replies.count(letter, k, unmatched);
        Pages.Page page = Pages.of(ctx, total, ROWS);
        List<LoggedMessage> rows = replies.page(letter, k, unmatched, page.offset(), ROWS);
        Map<String, Object> m = new HashMap<>();
        m.put("pager", page.model("/svar?brev=" + (letter == null ? "" : letter) + "&typ=" + (kind == null ? "" : kind)));
        m.put("rows", rows);
        m.put("letter", letter == null ? "" : letter.toString());
        m.put("kind", kind == null ? "" : kind);
        m.put("kinds", List.of("REPLY", "AUTO_REPLY", "HARD_BOUNCE", "SOFT_BOUNCE", "DELAYED", "UNSUBSCRIBE", "BLOCKED", "COMPLAINT", "UNMATCHED"));
        m.put("letters", letters.recent(null, 30).stream().filter(l -> l.state().name().startsWith("SEN"))
                .map(l -> Map.of("id", l.id(), "subject", l.subject())).toList());
        views.render(ctx, "replies.ftlh", m);
    }

    private void show(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        LoggedMessage msg = replies.show(id).orElse(null);
        if (msg == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("Svaret finns inte.");
            return;
        }
        views.render(ctx, "reply.ftlh", Map.of("m", msg, "body", msg.bodyText() == null ? "" : msg.bodyText()));
    }

    private void handled(Context ctx) {
        long id = Long.parseLong(ctx.pathParam("id"));
        if (replies.markHandled(id, Staff.actor(ctx))) {
            audit.record(Staff.actor(ctx), "reply.handled", "reply " + id, "");
        }
        Flash.redirect(ctx, "/svar/" + id, "handled");
    }

    private void feedback(Context ctx) {
        long id = LetterPages.id(ctx);
        Letter l = letters.get(id);
        try {
            views.render(ctx, "feedback.ftlh", Map.of("letter", LetterRows.row(l, deliveries), "f", replies.feedback(id),
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
