package se.utskick.replies;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.db.Database;
import se.utskick.replies.DeliveryDirectory.SentDelivery;
import se.utskick.replies.ReplyRepository.Place;

/**
 * Processes one raw message exactly once. The message is recorded in {@code inbound_message} by
 * its place (mailbox, UIDVALIDITY, UID) and its Message-ID in the same transaction as its effects
 * on our own tables (the bounce score). Effects on the register (mark BOUNCED, unsubscribe) are
 * idempotent and run inside that transaction before it commits: if the process dies between them
 * and the commit, the message is read again and they are repeated with the same result.
 *
 * <p>Only a report tied to one of our deliveries (by token or Message-ID) changes an address; see
 * {@link #UNPROVEN}.
 *
 * <p>Thread-safe; two nodes processing the same message race on the unique keys, and the loser
 * reports {@link Outcome#ALREADY_RECORDED}.
 */
final class MessageProcessor {
    private static final Logger log = LoggerFactory.getLogger(MessageProcessor.class);
    /** Raw messages above this are logged without the raw copy (MEDIUMBLOB holds 16 MiB). */
    static final int MAX_RAW = 16 * 1024 * 1024 - 1;

    enum Outcome { RECORDED, ALREADY_RECORDED }

    /**
     * A report tied to no delivery of ours (no genuine token, none of our Message-IDs) proves
     * nothing: anyone can write a "bounce" naming a member's address. It is logged, never acted on.
     */
    static final String UNPROVEN = "matched no delivery: logged only";

    private final Database db;
    private final ReplyRepository repository;
    private final Correlator correlator;
    private final BounceScores scores;
    private final AddressStatus addresses;
    private final Subscriptions subscriptions;
    private final Clock clock;

    MessageProcessor(Database db, ReplyRepository repository, Correlator correlator, BounceScores scores,
                     AddressStatus addresses, Subscriptions subscriptions, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.correlator = correlator;
        this.scores = scores;
        this.addresses = addresses;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** True if this place or this Message-ID was processed before: the message only needs moving. */
    boolean isRecorded(Place place, Optional<String> messageId) {
        return db.withConnection(c -> repository.isRecorded(c, place.mailbox(), place.uidValidity(), place.uid(), messageId));
    }

    Outcome process(Place place, byte[] raw, Instant receivedAt) {
        IncomingMessage m = IncomingMessage.parse(raw);
        if (isRecorded(place, m.messageId())) {
            return Outcome.ALREADY_RECORDED;
        }
        Verdict v = correlator.judge(m);
        try {
            long id = db.inTransaction(c -> {
                String effect = effect(c, m, v);
                return repository.insert(c, place, receivedAt, clock.instant(), m, v,
                        QuoteStripper.excerpt(m.text()), effect, raw.length <= MAX_RAW ? raw : null);
            });
            log.info("inbound message {} recorded: {} by {}, letter {}", id, v.kind(), v.correlation(),
                    v.delivery().map(SentDelivery::letterId).map(String::valueOf).orElse("-"));
            return Outcome.RECORDED;
        } catch (se.utskick.db.DatabaseException e) {
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                return Outcome.ALREADY_RECORDED;
            }
            throw e;
        }
    }

    private String effect(Connection c, IncomingMessage m, Verdict v) throws SQLException {
        return switch (v.kind()) {
            case HARD_BOUNCE -> markBounced(v, m.bounce().orElseThrow(), "hard bounce");
            case SOFT_BOUNCE -> softBounce(c, v, m.bounce().orElseThrow());
            case BLOCKED -> markBlocked(v, m.bounce().orElseThrow());
            case COMPLAINT -> complaint(v, m.complaint().orElseThrow());
            case UNSUBSCRIBE -> unsubscribe(v);
            case REPLY, AUTO_REPLY, DELAYED -> null;
        };
    }

    /**
     * The receiver refused us (policy, authentication, reputation): the delivery is BLOCKED, so the
     * letter's page counts it by domain and warns the ombudsman; the member is never marked or scored.
     */
    private String markBlocked(Verdict v, Bounce b) {
        if (v.delivery().isEmpty()) {
            return UNPROVEN;
        }
        String reason = "refused by the receiver " + b.status() + (b.diagnostic() == null ? "" : ": " + b.diagnostic());
        return (addresses.markBlocked(v.delivery().get().deliveryId(), reason.length() > 450 ? reason.substring(0, 450) : reason)
                ? "delivery BLOCKED" : "delivery not changed (not SENT)") + "; the member is not marked";
    }

    /**
     * A spam complaint about a genuine delivery: a members'-letter complaint unsubscribes the member
     * from the members' letter; a role's letter (board, targeted, reminder) cannot be unsubscribed,
     * so the complaint is left for the ombudsman, who sees it in the reply log and on the letter's page.
     */
    static final String COMPLAINT_ABOUT_ROLE_LETTER = "complaint about a letter to a role: it cannot be unsubscribed; contact the member";

    private String complaint(Verdict v, Complaint complaint) {
        if (v.delivery().isEmpty()) {
            return UNPROVEN;
        }
        if (!complaint.unsubscribes()) {
            return complaint.feedbackType() + " report: nothing changed";
        }
        SentDelivery d = v.delivery().get();
        if (d.memberId() == null) {
            return "member erased: nothing changed";
        }
        if (!Unsubscriber.UNSUBSCRIBABLE.equals(d.letterKind())) {
            return COMPLAINT_ABOUT_ROLE_LETTER;
        }
        subscriptions.unsubscribe(d.memberId());
        return "complaint: unsubscribed from the members' letter";
    }

    private String softBounce(Connection c, Verdict v, Bounce b) throws SQLException {
        if (v.delivery().isEmpty()) {
            return UNPROVEN;
        }
        if (b.cause() == se.utskick.smtp.RefusalCause.MESSAGE) {
            return "the message itself was refused (size, format): not scored";
        }
        Optional<String> email = bouncedAddress(v);
        if (v.memberId().isEmpty() || email.isEmpty()) {
            return "no member to score";
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Stockholm"));
        if (scores.score(c, v.memberId().get(), email.get(), today)) {
            return markBounced(v, b, "soft bounces past the threshold, last");
        }
        return "soft bounce scored";
    }

    private String markBounced(Verdict v, Bounce b, String what) {
        if (v.delivery().isEmpty()) {
            return UNPROVEN;
        }
        Optional<String> email = bouncedAddress(v);
        if (v.memberId().isEmpty() || email.isEmpty()) {
            return "no member to mark";
        }
        String letter = v.delivery().map(d -> " (letter " + d.letterId() + ")").orElse("");
        String reason = what + " " + b.status() + (b.diagnostic() == null ? "" : ": " + b.diagnostic());
        reason = (reason.length() > 400 ? reason.substring(0, 400) : reason) + letter;
        return addresses.markBounced(v.delivery().get().deliveryId(), v.memberId().get(), email.get(), reason)
                ? "address marked BOUNCED" : "address not marked (already so, or changed since the letter)";
    }

    /** The address the letter went to, from the delivery (not the report's words, which a forwarder may change). */
    private static Optional<String> bouncedAddress(Verdict v) {
        return v.delivery().map(SentDelivery::email);
    }

    private String unsubscribe(Verdict v) {
        Optional<SentDelivery> d = v.unsubscribing();
        if (d.isEmpty() || !Unsubscriber.UNSUBSCRIBABLE.equals(d.get().letterKind())) {
            return "no valid members'-letter token: nothing changed";
        }
        if (d.get().memberId() == null) {
            return "member erased: nothing changed";
        }
        subscriptions.unsubscribe(d.get().memberId());
        return "unsubscribed from the members' letter";
    }
}
