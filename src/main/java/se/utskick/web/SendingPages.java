package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.utskick.UtskickException;
import se.utskick.audit.AuditLog;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryLog;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.PacingLog;
import se.utskick.delivery.SendRun;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterReading;
import se.utskick.replies.ReplyLog;

/**
 * A letter's sending: {@code /brev/{id}/utskick} shows the progress (updated without reloading by
 * {@code app.js}, which polls {@code utskick.json} every second and computes rate and time left),
 * pause, resume, cancel and resend-failed, and warns of what the ombudsman must act on: deliveries the
 * receivers refused because of us (BLOCKED, per receiving domain, with the receiver's answer and what
 * to check) and spam complaints; {@code /brev/{id}/leveranser} is the delivery log with
 * a state filter. Every control is audited.
 */
final class SendingPages {
    private static final int LOG_ROWS = 500;
    private final Delivery delivery;
    private final DeliveryLog deliveries;
    private final PacingLog pacing;
    private final LetterReading letters;
    private final ReplyLog replies;
    private final AuditLog audit;
    private final Views views;
    private final Texts texts;

    SendingPages(Delivery delivery, DeliveryLog deliveries, PacingLog pacing, LetterReading letters, ReplyLog replies,
            AuditLog audit, Views views, Texts texts) {
        this.delivery = delivery;
        this.deliveries = deliveries;
        this.pacing = pacing;
        this.letters = letters;
        this.replies = replies;
        this.audit = audit;
        this.views = views;
        this.texts = texts;
    }

    void routes(RoutesConfig r) {
        r.get("/brev/{id}/utskick", ctx -> page(ctx, ""));
        r.get("/brev/{id}/utskick.json", this::json);
        r.post("/brev/{id}/pausa", ctx -> control(ctx, "paused", "letter.pause", id -> delivery.pause(id)));
        r.post("/brev/{id}/fortsatt", ctx -> control(ctx, "resumed", "letter.resume", id -> delivery.resume(id)));
        r.post("/brev/{id}/avbryt", ctx -> control(ctx, "cancelled", "letter.cancel", id -> delivery.cancel(id)));
        r.post("/brev/{id}/skicka-om", ctx -> control(ctx, "requeued", "letter.resend-failed", id -> delivery.resendFailed(id)));
        r.get("/brev/{id}/leveranser", this::log);
    }

    private void page(Context ctx, String error) {
        Letter l = letters.get(LetterPages.id(ctx));
        Map<String, Object> m = new HashMap<>();
        m.put("letter", LetterRows.row(l, deliveries));
        Optional<SendRun> run = deliveries.run(l.id());
        m.put("hasRun", run.isPresent());
        run.ifPresent(r -> {
            m.put("runState", r.state().name());
            if (r.pauseReason() != null) {
                m.put("pauseReason", r.pauseReason());
                m.put("pauseKind", r.pauseKind() == null ? "COMPOSE" : r.pauseKind().name());
            }
            m.put("counts", counts(r));
            m.put("recipients", r.recipients());
            m.put("done", done(r));
        });
        m.put("blocked", deliveries.blockedByDomain(l.id()));
        m.put("domainGroups", PaceRows.rows(pacing.progress(l.id()), texts, Instant.now()));
        m.put("complaints", replies.counts(l.id()).getOrDefault(se.utskick.replies.MessageKind.COMPLAINT, 0L));
        m.put("complaintsToAct", replies.complaintsToAct(l.id()));
        m.put("error", error);
        m.put("chart", run.map(r -> Charts.outcomes(texts.get("sending.chart.one"), List.of(new Charts.Bar(l.subject(), r.counts())), texts))
                .orElse(""));
        views.render(ctx, "sending.ftlh", m);
    }

    /** The counts as JSON for the live progress: {"state":…, "recipients":n, "done":n, "SENT":n, …}. */
    private void json(Context ctx) {
        Optional<SendRun> run = deliveries.run(LetterPages.id(ctx));
        if (run.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("application/json").result("{}");
            return;
        }
        SendRun r = run.get();
        StringBuilder j = new StringBuilder("{\"state\":\"").append(r.state().name()).append("\",\"recipients\":").append(r.recipients())
                .append(",\"done\":").append(done(r));
        for (DeliveryState s : DeliveryState.values()) {
            j.append(",\"").append(s.name()).append("\":").append(r.count(s));
        }
        Instant end = r.finishedAt() == null ? Instant.now() : r.finishedAt();
        j.append(",\"seconds\":").append(r.startedAt() == null ? 0 : Math.max(0, Duration.between(r.startedAt(), end).toMillis() / 1000.0));
        ctx.contentType("application/json").result(j.append('}').toString());
    }

    private void log(Context ctx) {
        Letter l = letters.get(LetterPages.id(ctx));
        String filter = ctx.queryParam("status");
        Optional<DeliveryState> state;
        try {
            state = filter == null || filter.isBlank() ? Optional.empty() : Optional.of(DeliveryState.valueOf(filter));
        } catch (IllegalArgumentException e) {
            state = Optional.empty();
            filter = "";
        }
        // admin (issue 16): paged with the true total
        Pages.Page page = Pages.of(ctx, deliveries.countDeliveries(l.id(), state), LOG_ROWS);
        views.render(ctx, "deliveries.ftlh", Map.of("letter", LetterRows.row(l, deliveries), "filter", filter == null ? "" : filter,
                "states", List.of(DeliveryState.values()).stream().map(Enum::name).toList(),
                "rows", deliveries.deliveries(l.id(), state, page.offset(), LOG_ROWS), "limit", LOG_ROWS,
                "pager", page.model("/brev/" + l.id() + "/leveranser?status=" + (filter == null ? "" : filter))));
    }

    private void control(Context ctx, String done, String action, java.util.function.LongConsumer change) {
        long id = LetterPages.id(ctx);
        try {
            change.accept(id);
            audit.record(Staff.actor(ctx), action, "letter " + id, "");
            Flash.redirect(ctx, "/brev/" + id + "/utskick", done);
        } catch (UtskickException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            page(ctx, e.getMessage());
        }
    }

    private static long done(SendRun r) {
        return r.recipients() - r.waiting();
    }

    private static Map<String, Long> counts(SendRun r) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (DeliveryState s : DeliveryState.values()) {
            m.put(s.name(), r.count(s));
        }
        return m;
    }

    /** The delivery outcomes of those of {@code letters} that were sent, as one chart ("" when none was). */
    static String outcomeChart(DeliveryLog deliveries, List<Letter> letters, Views views) {
        List<Charts.Bar> bars = letters.stream().map(l -> deliveries.run(l.id())
                        .map(r -> new Charts.Bar("#" + l.id() + " " + l.subject(), new EnumMap<>(r.counts().isEmpty()
                                ? Map.of(DeliveryState.QUEUED, 0L) : r.counts()))))
                .flatMap(Optional::stream).toList();
        return bars.isEmpty() ? "" : Charts.outcomes("Leveranser per brev", bars, views.texts());
    }
}
