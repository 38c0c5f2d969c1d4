package se.utskick.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The pace per group of receiving domains, as the sending page and {@code letter status} show it:
 * a letter's progress per group (from its delivery rows) and which groups the senders of any node
 * hold back or slowed, and why (table {@code delivery_pace}, written by {@link DomainPacer} only when
 * a group's pace changes). Thread-safe.
 */
public final class PacingLog {
    private final Database db;
    private final PaceConfig cfg;

    PacingLog(Database db, PaceConfig cfg) {
        this.db = db;
        this.cfg = cfg;
    }

    /**
     * One group's progress in a letter and its pace.
     *
     * @param slowedTo  messages per minute a node now allows the group after a "too fast" answer (the lowest); 0 = normal pace
     * @param heldUntil until when a node sends nothing to the group (the latest), or null
     * @param reason    the receiver's last "too fast" answer, or null
     */
    public record GroupProgress(String group, long total, long sent, long waiting, long failed, int slowedTo,
                                Instant heldUntil, String reason) {
        /** True while a node holds the group back or sends to it below its configured pace. */
        public boolean heldBack(Instant now) {
            return heldUntil != null && heldUntil.isAfter(now) || slowedTo > 0;
        }
    }

    /** The groups that have recipients in the letter, in the configured order, each with its pace. */
    public List<GroupProgress> progress(long letterId) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (PaceConfig.Group g : cfg.groups()) {
            counts.put(g.name(), new long[4]);
        }
        db.withConnection(c -> {
            return Bind.list(c, DeliverySql.GROUP_COUNTS, r -> {
                long[] n = counts.get(cfg.groupOf("x@" + r.getString(1)).name());
                long k = r.getLong(3);
                n[0] += k;
                switch (r.getString(2)) {
                    case "SENT" -> n[1] += k;
                    case "QUEUED", "DEFERRED" -> n[2] += k;
                    default -> n[3] += k;
                }
                return k;
            }, letterId);
        });
        Map<String, GroupProgress> paces = paces();
        List<GroupProgress> out = new ArrayList<>();
        counts.forEach((group, n) -> {
            if (n[0] > 0) {
                GroupProgress p = paces.get(group);
                out.add(new GroupProgress(group, n[0], n[1], n[2], n[3], p == null ? 0 : p.slowedTo(),
                        p == null ? null : p.heldUntil(), p == null ? null : p.reason()));
            }
        });
        return out;
    }

    /** Per group: the lowest slowed rate, the latest hold and its answer, over every node. */
    private Map<String, GroupProgress> paces() {
        return db.withConnection(c -> {
            Map<String, GroupProgress> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(DeliverySql.PACES.text());
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String g = r.getString(1);
                    GroupProgress was = out.get(g);
                    int rate = r.getInt(2);
                    Timestamp held = r.getTimestamp(3);
                    Instant until = held == null ? null : held.toInstant();
                    if (was != null) {
                        rate = rate == 0 ? was.slowedTo() : was.slowedTo() == 0 ? rate : Math.min(rate, was.slowedTo());
                        until = until == null || was.heldUntil() != null && was.heldUntil().isAfter(until) ? was.heldUntil() : until;
                    }
                    out.put(g, new GroupProgress(g, 0, 0, 0, 0, rate, until, r.getString(4)));
                }
            }
            return out;
        });
    }

    /** One English line per group for the command line ({@code letter status}): counts, pace, and why it is held back. */
    public static List<String> lines(List<GroupProgress> groups, Instant now) {
        List<String> out = new ArrayList<>();
        for (GroupProgress g : groups) {
            String pace = g.heldUntil() != null && g.heldUntil().isAfter(now)
                    ? "held back until " + g.heldUntil().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            + " (the receivers asked us to slow down), then " + g.slowedTo() + " per minute"
                    : g.slowedTo() > 0 ? "slowed to " + g.slowedTo() + " per minute, raised step by step" : "full pace";
            out.add(String.format("  %-9s %d/%d sent, %d waiting, %d not sent; %s%s", g.group(), g.sent(), g.total(), g.waiting(),
                    g.failed(), pace, g.heldBack(now) && g.reason() != null ? ": " + g.reason() : ""));
        }
        return out;
    }

    /** Records a node's pace for a group (insert or replace). */
    void write(String node, String group, int ratePerMinute, Instant heldUntil, String reason, Instant now) {
        db.withConnection(c -> {
            return Bind.update(c, DeliverySql.PACE_WRITE, node, group, ratePerMinute, heldUntil,
                    reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason, now);
        });
    }

    /** Forgets a node's paces (its senders stopped: what they learnt goes with them). */
    void clear(String node) {
        db.withConnection(c -> {
            return Bind.update(c, DeliverySql.PACE_CLEAR, node);
        });
    }
}
