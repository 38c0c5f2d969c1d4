package se.utskick.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.config.RoutesConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.audit.AuditEntry;
import se.utskick.audit.AuditLog;

/**
 * {@code /logg}: the audit log, newest first, at most {@value #ROWS} rows, filtered by who
 * ({@code vem}, a username or {@code cli:USER}), what ({@code vad}, an action or its first word such
 * as {@code letter}) and from which day ({@code sedan}, YYYY-MM-DD in the district's zone). A date
 * that cannot be read answers 422 with the filter form and no rows. Read-only.
 */
final class AuditPage {
    static final int ROWS = 200;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Views views;
    private final Texts texts;

    AuditPage(AuditLog audit, ZoneId zone, Views views, Texts texts) {
        this.audit = audit;
        this.zone = zone;
        this.views = views;
        this.texts = texts;
    }

    void routes(RoutesConfig r) {
        r.get("/logg", this::show);
    }

    private void show(Context ctx) {
        String actor = param(ctx, "vem");
        String action = param(ctx, "vad");
        String since = param(ctx, "sedan");
        Map<String, Object> m = new HashMap<>();
        m.put("actor", actor);
        m.put("action", action);
        m.put("since", since);
        m.put("rows", ROWS);
        Instant from = null;
        String error = "";
        try {
            from = since.isEmpty() ? null : LocalDate.parse(since).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            error = texts.get("compose.bad.date", since);
        }
        List<AuditEntry> entries = error.isEmpty()
                ? audit.recent(actor.isEmpty() ? null : actor, action.isEmpty() ? null : action, from, ROWS) : List.of();
        m.put("entries", entries);
        m.put("error", error);
        ctx.status(error.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        views.render(ctx, "audit.ftlh", m);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }
}
