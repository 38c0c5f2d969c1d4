package se.utskick.replies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.replies.DeliveryDirectory.SentDelivery;

/** The SQL of the replies feature: tables {@code inbound_message} and {@code bounce_score} (V5). */
final class ReplyRepository {
    private static final String COLUMNS = "id, received_at, kind, correlation, letter_id, letter_kind, delivery_id,"
            + " association_id, member_id, sender, subject, excerpt, bounce_status, bounce_recipient, bounce_diagnostic, effect,"
            + " handled_at, handled_by";

    boolean isRecorded(Connection c, String mailbox, long uidValidity, long uid, Optional<String> messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM inbound_message WHERE (mailbox = ? AND uid_validity = ? AND uid = ?) OR message_id_hash = ?")) {
            ps.setString(1, mailbox);
            ps.setLong(2, uidValidity);
            ps.setLong(3, uid);
            ps.setBytes(4, messageId.map(ReplyRepository::hash).orElse(null));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Where a message sat in the mailbox when it was read. */
    record Place(String mailbox, long uidValidity, long uid) {
    }

    long insert(Connection c, Place place, Instant receivedAt, Instant now, IncomingMessage m, Verdict v,
                String excerpt, String effect, byte[] raw) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message (mailbox, uid_validity, uid,"
                + " message_id_hash, message_id, received_at, processed_at, kind, correlation, delivery_id, letter_id,"
                + " letter_kind, association_id, member_id, sender, subject, body_text, excerpt, bounce_status,"
                + " bounce_recipient, bounce_diagnostic, effect, raw_message, feedback_letter_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            Optional<SentDelivery> d = v.delivery();
            Optional<Bounce> b = m.bounce();
            ps.setString(1, place.mailbox());
            ps.setLong(2, place.uidValidity());
            ps.setLong(3, place.uid());
            ps.setBytes(4, m.messageId().map(ReplyRepository::hash).orElse(null));
            ps.setString(5, m.messageId().orElse(null));
            ps.setTimestamp(6, Timestamp.from(receivedAt));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, v.kind().name());
            ps.setString(9, v.correlation().name());
            setLong(ps, 10, d.map(SentDelivery::deliveryId).orElse(null));
            setLong(ps, 11, d.map(SentDelivery::letterId).orElse(null));
            ps.setString(12, d.map(SentDelivery::letterKind).orElse(null));
            setLong(ps, 13, d.map(SentDelivery::associationId).orElse(null));
            setLong(ps, 14, v.memberId().orElse(null));
            ps.setString(15, m.from().isEmpty() ? null : m.from());
            ps.setString(16, m.subject());
            ps.setString(17, m.text());
            ps.setString(18, excerpt);
            ps.setString(19, b.map(Bounce::status).orElse(null));
            ps.setString(20, b.map(Bounce::recipient).orElse(null));
            ps.setString(21, b.map(Bounce::diagnostic).orElse(null));
            ps.setString(22, effect);
            ps.setBytes(23, raw);
            setLong(ps, 24, v.feedbackFor().map(SentDelivery::letterId).orElse(null));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The mailbox name of answers given in the association page's form (they were never in a mailbox). */
    static final String FORM_MAILBOX = "web-form";

    /**
     * An answer given in the association page's form, as a REPLY correlated by the page link's token:
     * the same row an e-mail reply to that delivery makes, so feedback counts it the same way. Its
     * place is the next uid of the {@link #FORM_MAILBOX}.
     */
    long insertFormAnswer(Connection c, Instant now, long deliveryId, long letterId, String letterKind, Long memberId,
                          long associationId, String subject, String text, String excerpt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at,"
                + " processed_at, kind, correlation, delivery_id, letter_id, letter_kind, association_id, member_id, sender, subject,"
                + " body_text, excerpt, effect) SELECT ?, 0, COALESCE(MAX(uid), 0) + 1, ?, ?, 'REPLY', 'TOKEN', ?, ?, ?, ?, ?,"
                + " 'Föreningssidan (formulär)', ?, ?, ?, 'answered on the association page' FROM inbound_message"
                + " WHERE mailbox = ? AND uid_validity = 0", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, FORM_MAILBOX);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, deliveryId);
            ps.setLong(5, letterId);
            ps.setString(6, letterKind);
            ps.setLong(7, associationId);
            setLong(ps, 8, memberId);
            ps.setString(9, subject);
            ps.setString(10, text);
            ps.setString(11, excerpt);
            ps.setString(12, FORM_MAILBOX);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    List<LoggedMessage> list(Connection c, Long letterId, MessageKind kind, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", NULL AS body_text FROM inbound_message"
                + " WHERE (? IS NULL OR letter_id = ?) AND (? IS NULL OR kind = ?) ORDER BY received_at DESC, id DESC LIMIT ?")) {
            setLong(ps, 1, letterId);
            setLong(ps, 2, letterId);
            ps.setString(3, kind == null ? null : kind.name());
            ps.setString(4, kind == null ? null : kind.name());
            ps.setInt(5, limit);
            return rows(ps);
        }
    }

    Optional<LoggedMessage> show(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", body_text FROM inbound_message WHERE id = ?")) {
            ps.setLong(1, id);
            return rows(ps).stream().findFirst();
        }
    }

    /**
     * Every REPLY with an association correlated to a delivery of this board or targeted letter, or to
     * its feedback reminder (feedback_letter_id), oldest first.
     */
    List<LoggedMessage> boardReplies(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", NULL AS body_text FROM inbound_message"
                + " WHERE kind = 'REPLY' AND association_id IS NOT NULL"
                + " AND ((letter_id = ? AND letter_kind IN ('BOARD', 'TARGETED')) OR feedback_letter_id = ?)"
                + " ORDER BY received_at, id")) {
            ps.setLong(1, letterId);
            ps.setLong(2, letterId);
            return rows(ps);
        }
    }

    /** How many messages of each kind were tied to a delivery of this letter. */
    java.util.Map<MessageKind, Long> counts(Connection c, long letterId) throws SQLException {
        java.util.Map<MessageKind, Long> out = new java.util.EnumMap<>(MessageKind.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, COUNT(*) FROM inbound_message WHERE letter_id = ? GROUP BY kind")) {
            ps.setLong(1, letterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(MessageKind.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** The COMPLAINTs about a letter that could not unsubscribe anyone (a role's letter): the ombudsman must act. */
    long complaintsToAct(Connection c, long letterId, String effect) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM inbound_message WHERE letter_id = ?"
                + " AND kind = 'COMPLAINT' AND effect = ? AND handled_at IS NULL")) {
            ps.setLong(1, letterId);
            ps.setString(2, effect);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Forgets the raw messages received before {@code cutoff}; the log lines stay. */
    int purgeRaw(Connection c, Instant cutoff) throws SQLException {
        // Issue 12: with the raw message go the sender, subject, text, excerpt, Message-ID and the bounce's
        // address and diagnostic (as the member's erasure does). Kind, time, letter, association, effect and
        // the Message-ID's hash stay, so feedback counts and idempotent reading hold. Returns the rows that
        // still held any of it.
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET raw_message = NULL, sender = NULL,"
                + " subject = NULL, body_text = NULL, excerpt = NULL, message_id = NULL, bounce_recipient = NULL,"
                + " bounce_diagnostic = NULL WHERE received_at < ? AND (raw_message IS NOT NULL OR sender IS NOT NULL"
                + " OR subject IS NOT NULL OR body_text IS NOT NULL OR excerpt IS NOT NULL OR message_id IS NOT NULL"
                + " OR bounce_recipient IS NOT NULL OR bounce_diagnostic IS NOT NULL)")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }

    Optional<byte[]> raw(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT raw_message FROM inbound_message WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Marks a message handled by {@code by} unless it is already; false when there is no such message or it was. */
    boolean markHandled(Connection c, long id, String by, java.time.Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE inbound_message SET handled_at = ?, handled_by = ? "
                + "WHERE id = ? AND handled_at IS NULL")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(at));
            ps.setString(2, by);
            ps.setLong(3, id);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<LoggedMessage> rows(PreparedStatement ps) throws SQLException {
        List<LoggedMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LoggedMessage(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        MessageKind.valueOf(rs.getString("kind")), Correlation.valueOf(rs.getString("correlation")),
                        nullableLong(rs, "letter_id"), rs.getString("letter_kind"), nullableLong(rs, "delivery_id"),
                        nullableLong(rs, "association_id"), nullableLong(rs, "member_id"), rs.getString("sender"),
                        rs.getString("subject"), rs.getString("excerpt"), rs.getString("body_text"),
                        rs.getString("bounce_status"), rs.getString("bounce_recipient"),
                        rs.getString("bounce_diagnostic"), rs.getString("effect"),
                        rs.getTimestamp("handled_at") == null ? null : rs.getTimestamp("handled_at").toInstant(),
                        rs.getString("handled_by")));
            }
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    static byte[] hash(String messageId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
