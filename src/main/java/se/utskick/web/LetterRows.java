package se.utskick.web;

import java.util.List;
import java.util.Map;
import se.utskick.Utskick;
import se.utskick.delivery.DeliveryState;
import se.utskick.letters.Letter;

/**
 * Letters as the list pages show them: id, kind, period, subject, state and, once sent, the counts,
 * the run's state and, when a sender paused it, why ({@code pauseReason}).
 */
final class LetterRows {
    private LetterRows() {
    }

    static List<Map<String, Object>> of(List<Letter> letters, Utskick app) {
        return letters.stream().map(l -> row(l, app)).toList();
    }

    static Map<String, Object> row(Letter l, Utskick app) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", l.id());
        m.put("kind", l.kind().name());
        m.put("period", l.period() == null ? "" : l.period().toString());
        m.put("subject", l.subject());
        m.put("state", l.state().name());
        m.put("audience", l.audienceName());
        app.delivery().log().run(l.id()).ifPresent(run -> {
            m.put("recipients", run.recipients());
            m.put("sent", run.count(DeliveryState.SENT));
            m.put("failed", run.count(DeliveryState.FAILED) + run.count(DeliveryState.BOUNCED) + run.count(DeliveryState.BLOCKED));
            m.put("waiting", run.waiting());
            m.put("runState", run.state().name());
            if (run.pauseReason() != null) {
                m.put("pauseReason", run.pauseReason());
            }
        });
        return m;
    }
}
