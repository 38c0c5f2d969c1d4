package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryLog;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterReading;
import se.utskick.letters.LetterState;
import se.utskick.register.AddressProblems;
import se.utskick.register.Register;
import se.utskick.replies.Feedback;
import se.utskick.replies.ReplyLog;
import se.utskick.schedule.Schedule;

/**
 * {@code /}: the month at a glance. The latest board and members' letters and their state, the
 * latest targeted mailings, the feedback table of the latest board letter that went out, address
 * problems per association, the next scheduled jobs, letters a sender paused because they could not
 * be composed (with the reason), the health of this node's sender workers, and the two charts
 * (feedback per association over the last board letters; delivery outcomes per letter).
 */
final class DashboardPage {
    private static final int MONTHS = 6;
    private final LetterReading letters;
    private final DeliveryLog deliveries;
    private final Delivery delivery;
    private final ReplyLog replies;
    private final Register register;
    private final Supplier<List<Schedule.JobStatus>> jobs;
    private final Views views;

    DashboardPage(LetterReading letters, DeliveryLog deliveries, Delivery delivery, ReplyLog replies, Register register,
            Supplier<List<Schedule.JobStatus>> jobs, Views views) {
        this.letters = letters;
        this.deliveries = deliveries;
        this.delivery = delivery;
        this.replies = replies;
        this.register = register;
        this.jobs = jobs;
        this.views = views;
    }

    void routes(RoutesConfig r) {
        r.get("/", this::show);
    }

    private void show(Context ctx) {
        Map<String, Object> m = new HashMap<>();
        List<Letter> monthly = new ArrayList<>(letters.recent(LetterKind.BOARD, 2));
        monthly.addAll(letters.recent(LetterKind.MEMBERS, 2));
        monthly.sort(Comparator.comparing(Letter::id).reversed());
        m.put("monthly", LetterRows.of(monthly, deliveries));
        m.put("targeted", LetterRows.of(letters.recent(LetterKind.TARGETED, 5), deliveries));
        List<Letter> boardSent = letters.recent(LetterKind.BOARD, 24).stream()
                .filter(l -> l.state() == LetterState.SENDING || l.state() == LetterState.SENT).limit(MONTHS).toList();
        List<Feedback> feedback = boardSent.stream().map(l -> replies.feedback(l.id())).toList();
        m.put("feedback", feedback.isEmpty() ? Map.of() : Map.of("table", feedback.get(0)));
        m.put("problems", register.addressProblems().stream().filter(p -> p.unreachable() > 0)
                .sorted(Comparator.comparingInt(AddressProblems::unreachable).reversed()).toList());
        m.put("jobs", jobs.get().stream().filter(j -> j.nextFire() != null)
                .sorted(Comparator.comparing(Schedule.JobStatus::nextFire)).limit(6)
                .map(j -> Map.of("name", j.name(), "description", j.description(), "next", java.util.Date.from(j.nextFire()))).toList());
        m.put("paused", deliveries.pausedForError().entrySet().stream()
                .map(e -> Map.of("letter", LetterRows.row(letters.get(e.getKey()), deliveries), "reason", e.getValue().reason(),
                        "kind", e.getValue().kind().name())).toList());
        m.put("workers", delivery.workerHealth().stream().map(DashboardPage::worker).toList());
        m.put("feedbackChart", feedbackChart(feedback));
        m.put("outcomeChart", SendingPages.outcomeChart(deliveries, letters.recent(null, 12), views));
        m.put("blocked", blocked(letters.recent(null, 12)));
        views.render(ctx, "dashboard.ftlh", m);
    }

    /** One sender worker of this process as the dashboard shows it (times as dates, absent ones left out). */
    private static Map<String, Object> worker(se.utskick.delivery.WorkerHealth h) {
        Map<String, Object> w = new HashMap<>();
        w.put("name", h.worker());
        w.put("state", h.state().name());
        w.put("healthy", h.healthy());
        if (h.lastClaim() != null) {
            w.put("lastClaim", java.util.Date.from(h.lastClaim()));
        }
        if (h.lastError() != null) {
            w.put("lastError", h.lastError());
            w.put("lastErrorAt", java.util.Date.from(h.lastErrorAt()));
        }
        return w;
    }

    /** The recent letters that receivers refused because of us (BLOCKED deliveries): one warning each. */
    private List<Map<String, Object>> blocked(List<Letter> letters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Letter l : letters) {
            deliveries.run(l.id()).filter(r -> r.count(se.utskick.delivery.DeliveryState.BLOCKED) > 0)
                    .ifPresent(r -> out.add(Map.of("id", l.id(), "subject", l.subject(),
                            "count", r.count(se.utskick.delivery.DeliveryState.BLOCKED))));
        }
        return out;
    }

    /** Per association: how many of the last board letters (their feedback, newest first) it answered. */
    private static String feedbackChart(List<Feedback> feedback) {
        if (feedback.isEmpty()) {
            return "";
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Feedback f : feedback) {
            for (Feedback.AssociationFeedback a : f.associations()) {
                int[] c = counts.computeIfAbsent(a.name(), k -> new int[2]);
                c[0] += a.answered() ? 1 : 0;
                c[1]++;
            }
        }
        List<Charts.Rate> rates = counts.entrySet().stream().map(e -> new Charts.Rate(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing(Charts.Rate::value).reversed().thenComparing(Charts.Rate::label)).toList();
        return Charts.rates("Återkoppling per förening, senaste " + feedback.size() + " styrelsebrev", rates);
    }
}
