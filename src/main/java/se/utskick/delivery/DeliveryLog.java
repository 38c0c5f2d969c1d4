package se.utskick.delivery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * Reading the delivery log: per letter its run and counts, its deliveries, and one delivery by
 * token or Message-ID (for correlating replies and bounces). Thread-safe.
 */
public final class DeliveryLog {
    private final Database db;
    private final DeliveryTokens tokens;

    DeliveryLog(Database db, DeliveryTokens tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    public Optional<SendRun> run(long letterId) {
        return db.withConnection(c -> {
            // the state is read before the counts: a run seen FINISHED has final counts
            Optional<SendRun> run = Bind.first(c, DeliverySql.RUN, r -> new SendRun(letterId, r.getString(1),
                    SendRunState.valueOf(r.getString(2)), r.getInt(3), instant(r.getTimestamp(4)), instant(r.getTimestamp(5)),
                    Map.of(), r.getString(6), kind(r.getString(7))), letterId);
            return run.isEmpty() ? run : Optional.of(withCounts(run.get(), c));
        });
    }

    /**
     * The send runs of {@code letterIds} that have one, with their counts, by letter id: two queries
     * however many letters (for list pages).
     */
    public Map<Long, SendRun> runs(java.util.Collection<Long> letterIds) {
        if (letterIds.isEmpty()) {
            return Map.of();
        }
        // built here, not named: one placeholder per letter
        String in = String.join(",", java.util.Collections.nCopies(letterIds.size(), "?"));
        return db.withConnection(c -> {
            Map<Long, SendRun> runs = new java.util.HashMap<>();
            Map<Long, Map<DeliveryState, Long>> counts = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT letter_id, list_id, state, recipients, started_at, finished_at, pause_reason, "
                    + "pause_kind FROM send_run WHERE letter_id IN (" + in + ")")) {
                int i = 1;
                for (long id : letterIds) {
                    s.setLong(i++, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        runs.put(r.getLong(1), new SendRun(r.getLong(1), r.getString(2), SendRunState.valueOf(r.getString(3)), r.getInt(4),
                                instant(r.getTimestamp(5)), instant(r.getTimestamp(6)), Map.of(), r.getString(7),
                                kind(r.getString(8))));
                    }
                }
            }
            if (runs.isEmpty()) {
                return runs;
            }
            String ran = String.join(",", java.util.Collections.nCopies(runs.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT letter_id, state, COUNT(*) FROM delivery WHERE letter_id IN (" + ran
                    + ") GROUP BY letter_id, state")) {
                int i = 1;
                for (long id : runs.keySet()) {
                    s.setLong(i++, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        counts.computeIfAbsent(r.getLong(1), x -> new EnumMap<>(DeliveryState.class))
                                .put(DeliveryState.valueOf(r.getString(2)), r.getLong(3));
                    }
                }
            }
            runs.replaceAll((id, run) -> new SendRun(id, run.listId(), run.state(), run.recipients(), run.startedAt(), run.finishedAt(),
                    Map.copyOf(counts.getOrDefault(id, Map.of())), run.pauseReason(), run.pauseKind()));
            return runs;
        });
    }

    /**
     * Who a delivery went to, as frozen in its row when the letter was sent (names blank after the
     * retention period or an erasure): for showing what that recipient was sent.
     */
    public Optional<SentTo> sentTo(long letterId, long deliveryId) {
        return db.withConnection(c -> {
            return Bind.first(c, DeliverySql.SENT_TO, r -> {
                long member = r.getLong(2);
                Long memberId = r.wasNull() ? null : member;
                long assoc = r.getLong(6);
                Long associationId = r.wasNull() ? null : assoc;
                return new SentTo(r.getLong(1), memberId, r.getString(3), r.getString(4), r.getString(5), associationId,
                        DeliveryState.valueOf(r.getString(7)));
            }, letterId, deliveryId);
        });
    }

    /** A delivery's recipient as frozen at sending. */
    public record SentTo(long deliveryId, Long memberId, String email, String firstName, String lastName, Long associationId,
                         DeliveryState state) {
    }

    /** The letters whose run a sender paused by itself, with its cause and reason, oldest pause first. */
    public Map<Long, Pause> pausedForError() {
        return db.withConnection(c -> {
            Map<Long, Pause> out = new java.util.LinkedHashMap<>();
            for (var e : Bind.list(c, DeliverySql.PAUSED_FOR_ERROR,
                    r -> Map.entry(r.getLong(1), new Pause(kind(r.getString(2)), r.getString(3))))) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        });
    }

    /** The run's state only: cheap enough to poll (no counting). */
    public Optional<SendRunState> state(long letterId) {
        return db.withConnection(c -> {
            return Bind.first(c, DeliverySql.RUN_STATE, r -> SendRunState.valueOf(r.getString(1)), letterId);
        });
    }

    private static SendRun withCounts(SendRun run, java.sql.Connection c) throws SQLException {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (var e : Bind.list(c, DeliverySql.RUN_COUNTS, r -> Map.entry(DeliveryState.valueOf(r.getString(1)), r.getLong(2)),
                run.letterId())) {
            counts.put(e.getKey(), e.getValue());
        }
        return new SendRun(run.letterId(), run.listId(), run.state(), run.recipients(), run.startedAt(), run.finishedAt(),
                Map.copyOf(counts), run.pauseReason(), run.pauseKind());
    }

    /** Page of the deliveries of a letter, oldest first, optionally only those in {@code state}: {@code limit} from {@code offset}. */
    public List<LoggedDelivery> deliveries(long letterId, Optional<DeliveryState> state, int offset, int limit) {
        return db.withConnection(c -> {
            DeliveryState s = state.orElse(null);
            return Bind.list(c, DeliverySql.PAGE, DeliveryLog::row, letterId, s, s, Math.max(1, limit), Math.max(0, offset));
        });
    }

    /** How many deliveries the letter has, optionally only those in {@code state}. */
    public int countDeliveries(long letterId, Optional<DeliveryState> state) {
        return db.withConnection(c -> {
            DeliveryState s = state.orElse(null);
            return Bind.first(c, DeliverySql.PAGE_COUNT, r -> r.getInt(1), letterId, s, s).orElse(0);
        });
    }

    /** The deliveries of a letter, oldest first, optionally only those in {@code state}; at most {@code limit}. */
    public List<LoggedDelivery> deliveries(long letterId, Optional<DeliveryState> state, int limit) {
        return deliveries(letterId, state, 0, limit);
    }

    public Optional<LoggedDelivery> byId(long deliveryId) {
        return db.withConnection(c -> {
            return Bind.first(c, DeliverySql.BY_ID, DeliveryLog::row, deliveryId);
        });
    }

    /** The delivery of a genuine token ({@code reply+TOKEN@}, {@code bounce+TOKEN@}, {@code /u/TOKEN}); empty if forged. */
    public Optional<LoggedDelivery> byToken(String token) {
        OptionalLong id = tokens.verify(token);
        return id.isPresent() ? byId(id.getAsLong()) : Optional.empty();
    }

    /** The delivery sent with this Message-ID (angle brackets optional); empty if none or forged. */
    public Optional<LoggedDelivery> byMessageId(String messageId) {
        String m = messageId.strip();
        if (m.startsWith("<") && m.endsWith(">")) {
            m = m.substring(1, m.length() - 1);
        }
        int at = m.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String bracketed = "<" + m + ">";
        return byToken(m.substring(0, at)).filter(d -> bracketed.equalsIgnoreCase(d.messageId()));
    }

    /**
     * The deliveries of a letter the receivers refused because of us (BLOCKED), per receiving domain,
     * most first, each with one of the receivers' answers: what the ombudsman must look into.
     */
    public List<BlockedDomain> blockedByDomain(long letterId) {
        return db.withConnection(c -> {
            return Bind.list(c, DeliverySql.BLOCKED_BY_DOMAIN,
                    r -> new BlockedDomain(r.getString(1), r.getLong(2), r.getString(3) == null ? "" : r.getString(3)), letterId);
        });
    }

    /** One receiving domain that refused a letter: how many of its deliveries, and one of its answers. */
    public record BlockedDomain(String domain, long count, String reply) {
    }

    /** The Message-ID (with angle brackets) the delivery answers, e.g. a feedback reminder's board letter; empty if none. */
    public Optional<String> inReplyTo(long deliveryId) {
        return db.withConnection(c -> {
            return Bind.first(c, DeliverySql.IN_REPLY_TO, r -> r.getString(1), deliveryId);
        });
    }

    private static LoggedDelivery row(ResultSet r) throws SQLException {
        return new LoggedDelivery(r.getLong(1), r.getLong(2), r.getString(3), r.getObject(4, Long.class),
                r.getObject(5, Long.class), r.getString(6), DeliveryState.valueOf(r.getString(7)), r.getInt(8),
                instant(r.getTimestamp(9)), instant(r.getTimestamp(10)), r.getString(11), r.getString(12));
    }

    /** A stored pause kind (V28 gave every earlier sender's pause one); null for a run not paused by a sender. */
    private static PauseKind kind(String stored) {
        return stored == null ? null : PauseKind.valueOf(stored);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
