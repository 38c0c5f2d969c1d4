package se.utskick.web;

import java.util.List;
import java.util.Map;
import se.utskick.delivery.DeliveryLog;
import se.utskick.delivery.DeliveryState;
import se.utskick.letters.Letter;

/**
 * Letters as the list pages show them: id, kind, period, subject, state and, once sent, the counts,
 * the run's state and, when a sender paused it, why ({@code pauseReason}).
 */
final class LetterRows {
    private LetterRows() {
    }

    /** The rows of {@code letters}, their send runs read in one call (a constant number of queries for the whole list). */
    static List<Map<String, Object>> of(List<Letter> letters, DeliveryLog deliveries) {
        Map<Long, se.utskick.delivery.SendRun> runs = deliveries.runs(letters.stream().map(Letter::id).toList());
        return letters.stream().map(l -> row(l, java.util.Optional.ofNullable(runs.get(l.id())))).toList();
    }

    static Map<String, Object> row(Letter l, DeliveryLog deliveries) {
        return row(l, deliveries.run(l.id()));
    }

    private static Map<String, Object> row(Letter l, java.util.Optional<se.utskick.delivery.SendRun> run) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", l.id());
        m.put("kind", l.kind().name());
        m.put("period", l.period() == null ? "" : l.period().toString());
        m.put("periodShown", se.utskick.letters.Dates.shown(l.period()));
        m.put("subject", l.subject());
        m.put("state", l.state().name());
        m.put("audience", l.audienceName());
        run.ifPresent(r -> {
            m.put("recipients", r.recipients());
            m.put("sent", r.count(DeliveryState.SENT));
            m.put("failed", r.count(DeliveryState.FAILED) + r.count(DeliveryState.BOUNCED) + r.count(DeliveryState.BLOCKED));
            m.put("waiting", r.waiting());
            m.put("runState", r.state().name());
            if (r.pauseReason() != null) {
                m.put("pauseReason", r.pauseReason());
                m.put("pauseKind", r.pauseKind() == null ? "COMPOSE" : r.pauseKind().name());
            }
        });
        return m;
    }
}
