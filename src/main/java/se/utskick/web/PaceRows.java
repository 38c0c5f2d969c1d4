package se.utskick.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.utskick.delivery.PacingLog.GroupProgress;

/**
 * A letter's progress per group of receiving domains for the sending page (issue 18): per group
 * the counts and, in Swedish, whether it goes at full pace or is held back or slowed and why (the
 * receiver's answer, shown as it came). Stateless.
 */
final class PaceRows {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private PaceRows() {
    }

    static List<Map<String, Object>> rows(List<GroupProgress> groups, Texts texts, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (GroupProgress g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", texts.get("sending.pace.group." + g.group()));
            m.put("total", g.total());
            m.put("sent", g.sent());
            m.put("waiting", g.waiting());
            m.put("failed", g.failed());
            boolean held = g.heldUntil() != null && g.heldUntil().isAfter(now);
            m.put("held", g.heldBack(now));
            m.put("pace", held ? texts.get("sending.pace.held", TIME.format(g.heldUntil()), g.slowedTo())
                    : g.slowedTo() > 0 ? texts.get("sending.pace.slowed", g.slowedTo()) : texts.get("sending.pace.normal"));
            m.put("reason", g.heldBack(now) && g.reason() != null ? g.reason() : "");
            out.add(m);
        }
        return out;
    }
}
