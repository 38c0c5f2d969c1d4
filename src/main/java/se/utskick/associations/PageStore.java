package se.utskick.associations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the association pages: revocations and association events (V18). It also reads, by
 * choice, two other features' tables set-based: {@code letter} and {@code delivery} for the latest
 * feedback question that reached an association, and {@code event} for the outreach tally.
 */
final class PageStore {

    boolean revoked(Connection c, long deliveryId, long associationId, Instant sentAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM association_link_revocation WHERE delivery_id = ?"
                + " OR (association_id = ? AND revoked_at >= ?) LIMIT 1")) {
            ps.setLong(1, deliveryId);
            ps.setLong(2, associationId);
            ps.setTimestamp(3, Timestamp.from(sentAt));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void revoke(Connection c, Long deliveryId, Long associationId, Instant at, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO association_link_revocation (delivery_id, association_id,"
                + " revoked_at, revoked_by) VALUES (?, ?, ?, ?)")) {
            setLong(ps, 1, deliveryId);
            setLong(ps, 2, associationId);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, by);
            ps.executeUpdate();
        }
    }

    /** The revocations, newest first. */
    List<Revocation> revocations(Connection c) throws SQLException {
        List<Revocation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.delivery_id, r.association_id, a.name, r.revoked_at, r.revoked_by"
                + " FROM association_link_revocation r LEFT JOIN association a ON a.id = r.association_id ORDER BY r.id DESC LIMIT 500");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Revocation((Long) rs.getObject(1, Long.class), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)));
            }
        }
        return out;
    }


    /** The latest board or targeted letter asking for feedback that went to this association. */
    Optional<Question> latestQuestion(Connection c, long associationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT l.id, l.subject, l.feedback_request, l.feedback_deadline FROM letter l"
                + " WHERE l.kind IN ('BOARD', 'TARGETED') AND l.feedback_deadline IS NOT NULL AND EXISTS (SELECT 1 FROM delivery d"
                + " WHERE d.letter_id = l.id AND d.association_id = ?) ORDER BY l.id DESC LIMIT 1")) {
            ps.setLong(1, associationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String request = rs.getString(3);
                return Optional.of(new Question(rs.getLong(1), rs.getString(2), request == null ? "" : request,
                        rs.getDate(4).toLocalDate()));
            }
        }
    }


    void addEvent(Connection c, long eventId, long associationId, long deliveryId, EventKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO association_event (event_id, association_id, delivery_id, kind,"
                + " outward) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, eventId);
            ps.setLong(2, associationId);
            ps.setLong(3, deliveryId);
            ps.setString(4, kind.name());
            ps.setBoolean(5, kind.outward());
            ps.executeUpdate();
        }
    }

    void decideEvent(Connection c, long eventId, String reason, Instant at, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE association_event SET refusal_reason = ?, decided_at = ?, decided_by = ?"
                + " WHERE event_id = ?")) {
            ps.setString(1, reason);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, by);
            ps.setLong(4, eventId);
            ps.executeUpdate();
        }
    }

    private static final String EVENTS = "SELECT e.id, ae.association_id, a.name, e.title, e.starts_at, e.ends_at, e.place,"
            + " e.description, e.state, ae.kind, ae.refusal_reason FROM association_event ae JOIN event e ON e.id = ae.event_id"
            + " JOIN association a ON a.id = ae.association_id ";

    /** The events an association sent in from its page, newest start first. */
    List<SentEvent> events(Connection c, long associationId) throws SQLException {
        return events(c, EVENTS + "WHERE ae.association_id = ? ORDER BY e.starts_at DESC, e.id DESC LIMIT 200", associationId);
    }

    /** The events sent in from association pages that wait for the ombudsman. */
    List<SentEvent> proposedEvents(Connection c) throws SQLException {
        return events(c, EVENTS + "WHERE e.state = 'PROPOSED' ORDER BY e.starts_at, e.id", null);
    }

    Optional<SentEvent> event(Connection c, long eventId) throws SQLException {
        return events(c, EVENTS + "WHERE e.id = ?", eventId).stream().findFirst();
    }

    private List<SentEvent> events(Connection c, String sql, Long param) throws SQLException {
        List<SentEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp ends = rs.getTimestamp(6);
                    out.add(new SentEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toLocalDateTime(), ends == null ? null : ends.toLocalDateTime(), rs.getString(7),
                            rs.getString(8), rs.getString(9), EventKind.valueOf(rs.getString(10)), rs.getString(11)));
                }
            }
        }
        return out;
    }

    /** Per association: its approved outward-facing events starting in {@code year}. */
    Map<Long, Integer> outwardApproved(Connection c, int year) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ae.association_id, COUNT(*) FROM association_event ae"
                + " JOIN event e ON e.id = ae.event_id WHERE ae.outward AND e.state = 'APPROVED' AND e.starts_at >= ?"
                + " AND e.starts_at < ? GROUP BY ae.association_id")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay()));
            ps.setTimestamp(2, Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
