package se.utskick.replies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Bind;
import se.utskick.replies.DeliveryDirectory.SentDelivery;

/** The SQL of the replies feature ({@code sql/replies.sql}): tables {@code inbound_message} and {@code bounce_score} (V5). */
final class ReplyRepository {
    boolean isRecorded(Connection c, String mailbox, long uidValidity, long uid, Optional<String> messageId) throws SQLException {
        return Bind.first(c, ReplySql.IS_RECORDED, rs -> true, mailbox, uidValidity, uid,
                messageId.map(ReplyRepository::hash).orElse(null)).isPresent();
    }

    /** Where a message sat in the mailbox when it was read. */
    record Place(String mailbox, long uidValidity, long uid) {
    }

    long insert(Connection c, Place place, Instant receivedAt, Instant now, IncomingMessage m, Verdict v,
                String excerpt, String effect, byte[] raw) throws SQLException {
        Optional<SentDelivery> d = v.delivery();
        Optional<Bounce> b = m.bounce();
        return Bind.insert(c, ReplySql.INSERT, place.mailbox(), place.uidValidity(), place.uid(),
                m.messageId().map(ReplyRepository::hash).orElse(null), m.messageId().orElse(null), receivedAt, now,
                v.kind(), v.correlation(), d.map(SentDelivery::deliveryId).orElse(null), d.map(SentDelivery::letterId).orElse(null),
                d.map(SentDelivery::letterKind).orElse(null), d.map(SentDelivery::associationId).orElse(null),
                v.memberId().orElse(null), m.from().isEmpty() ? null : m.from(), m.subject(), m.text(), excerpt,
                b.map(Bounce::status).orElse(null), b.map(Bounce::recipient).orElse(null), b.map(Bounce::diagnostic).orElse(null),
                effect, raw, v.feedbackFor().map(SentDelivery::letterId).orElse(null));
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
        return Bind.insert(c, ReplySql.INSERT_FORM_ANSWER, FORM_MAILBOX, now, now, deliveryId, letterId, letterKind,
                associationId, memberId, subject, text, excerpt, FORM_MAILBOX);
    }

    List<LoggedMessage> list(Connection c, Long letterId, MessageKind kind, int limit) throws SQLException {
        String k = kind == null ? null : kind.name();
        return Bind.list(c, ReplySql.LIST, ReplyRepository::row, letterId, letterId, k, k, limit);
    }

    /** One page of the web's replies list, newest first; {@code unmatched} keeps only messages matched to no letter. */
    List<LoggedMessage> page(Connection c, Long letterId, MessageKind kind, boolean unmatched, int offset, int limit) throws SQLException {
        String k = kind == null ? null : kind.name();
        return Bind.list(c, ReplySql.PAGE, ReplyRepository::row, letterId, letterId, k, k, unmatched ? 1 : 0,
                Math.max(1, limit), Math.max(0, offset));
    }

    /** How many messages {@link #page} pages through. */
    int count(Connection c, Long letterId, MessageKind kind, boolean unmatched) throws SQLException {
        String k = kind == null ? null : kind.name();
        return Bind.first(c, ReplySql.PAGE_COUNT, rs -> rs.getInt(1), letterId, letterId, k, k, unmatched ? 1 : 0).orElse(0);
    }

    Optional<LoggedMessage> show(Connection c, long id) throws SQLException {
        return Bind.first(c, ReplySql.SHOW, ReplyRepository::row, id);
    }

    /**
     * Every REPLY with an association correlated to a delivery of this board or targeted letter, or to
     * its feedback reminder (feedback_letter_id), oldest first.
     */
    List<LoggedMessage> boardReplies(Connection c, long letterId) throws SQLException {
        return Bind.list(c, ReplySql.BOARD_REPLIES, ReplyRepository::row, letterId, letterId);
    }

    /** How many messages of each kind were tied to a delivery of this letter. */
    java.util.Map<MessageKind, Long> counts(Connection c, long letterId) throws SQLException {
        java.util.Map<MessageKind, Long> out = new java.util.EnumMap<>(MessageKind.class);
        for (var e : Bind.list(c, ReplySql.COUNTS, rs -> java.util.Map.entry(MessageKind.valueOf(rs.getString(1)), rs.getLong(2)),
                letterId)) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The COMPLAINTs about a letter that could not unsubscribe anyone (a role's letter): the ombudsman must act. */
    long complaintsToAct(Connection c, long letterId, String effect) throws SQLException {
        return Bind.first(c, ReplySql.COMPLAINTS_TO_ACT, rs -> rs.getLong(1), letterId, effect).orElse(0L);
    }

    /**
     * Forgets the raw messages received before {@code cutoff}; the log lines stay (issue 12: with the
     * raw message go the personal fields, see {@code replies.purge_raw}). Returns the rows that still
     * held any of it.
     */
    int purgeRaw(Connection c, Instant cutoff) throws SQLException {
        return Bind.update(c, ReplySql.PURGE_RAW, cutoff);
    }

    Optional<byte[]> raw(Connection c, long id) throws SQLException {
        return Bind.first(c, ReplySql.RAW, rs -> rs.getBytes(1), id);
    }

    /** Marks a message handled by {@code by} unless it is already; false when there is no such message or it was. */
    boolean markHandled(Connection c, long id, String by, java.time.Instant at) throws SQLException {
        return Bind.update(c, ReplySql.MARK_HANDLED, at, by, id) == 1;
    }

    private static LoggedMessage row(ResultSet rs) throws SQLException {
        return new LoggedMessage(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                MessageKind.valueOf(rs.getString("kind")), Correlation.valueOf(rs.getString("correlation")),
                nullableLong(rs, "letter_id"), rs.getString("letter_kind"), nullableLong(rs, "delivery_id"),
                nullableLong(rs, "association_id"), nullableLong(rs, "member_id"), rs.getString("sender"),
                rs.getString("subject"), rs.getString("excerpt"), rs.getString("body_text"),
                rs.getString("bounce_status"), rs.getString("bounce_recipient"),
                rs.getString("bounce_diagnostic"), rs.getString("effect"),
                rs.getTimestamp("handled_at") == null ? null : rs.getTimestamp("handled_at").toInstant(),
                rs.getString("handled_by"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static byte[] hash(String messageId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
