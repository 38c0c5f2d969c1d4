package se.utskick.replies;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.db.Database;

/** Reading the reply log: lists, one message in full, the feedback on a board letter, and the retention purge. */
public final class ReplyLog {
    private static final Logger log = LoggerFactory.getLogger(ReplyLog.class);
    private final Database db;
    private final ReplyRepository repository;
    private final LetterDirectory letters;
    private final Duration retention;
    private final Clock clock;

    ReplyLog(Database db, ReplyRepository repository, LetterDirectory letters, Duration retention, Clock clock) {
        this.db = db;
        this.repository = repository;
        this.letters = letters;
        this.retention = retention;
        this.clock = clock;
    }

    /** The newest {@code limit} messages, optionally of one letter and one kind (nulls: all). */
    public List<LoggedMessage> list(Long letterId, MessageKind kind, int limit) {
        return db.withConnection(c -> repository.list(c, letterId, kind, Math.max(1, Math.min(limit, 10_000))));
    }

    /** admin (issue 16): a page of the list, newest first; {@code unmatched}: only messages tied to no letter. */
    public List<LoggedMessage> page(Long letterId, MessageKind kind, boolean unmatched, int offset, int limit) {
        return db.withConnection(c -> repository.page(c, letterId, kind, unmatched, offset, Math.min(limit, 10_000)));
    }

    /** admin (issue 16): how many messages {@link #page} pages through. */
    public int count(Long letterId, MessageKind kind, boolean unmatched) {
        return db.withConnection(c -> repository.count(c, letterId, kind, unmatched));
    }

    /** One message with its full text. */
    public Optional<LoggedMessage> show(long id) {
        return db.withConnection(c -> repository.show(c, id));
    }

    /** The raw message as it was read, unless the retention purge has removed it. */
    public Optional<byte[]> raw(long id) {
        return db.withConnection(c -> repository.raw(c, id));
    }

    /** Marks message {@code id} handled by {@code by} (a staff username), now; false if unknown or already handled. */
    public boolean markHandled(long id, String by) {
        return db.withConnection(c -> repository.markHandled(c, id, by, clock.instant()));
    }

    /** Per kind, the messages tied to a delivery of this letter (replies, bounces, BLOCKED reports, complaints). */
    public Map<MessageKind, Long> counts(long letterId) {
        return db.withConnection(c -> repository.counts(c, letterId));
    }

    /**
     * The complaints about this letter not yet handled that unsubscribed nobody, because the letter
     * went to a role (board, targeted, reminder): the ombudsman must contact those members.
     */
    public long complaintsToAct(long letterId) {
        return db.withConnection(c -> repository.complaintsToAct(c, letterId, MessageProcessor.COMPLAINT_ABOUT_ROLE_LETTER));
    }

    /** Letters whose replies count as an association's feedback. */
    static final java.util.Set<String> FEEDBACK_KINDS = java.util.Set.of("BOARD", "TARGETED");

    /** Per association addressed by a board or targeted letter: its board's replies, associations by name. */
    public Feedback feedback(long letterId) {
        LetterDirectory.Letter letter = letters.letter(letterId).orElseThrow(() -> new UtskickException(
                "there is no letter " + letterId + "; list the letters to find its number"));
        if (!FEEDBACK_KINDS.contains(letter.kind())) {
            throw new UtskickException("letter " + letterId + " is a " + letter.kind() + " letter; feedback is tracked"
                    + " for board letters and targeted mailings to boards (see its replies with: utskick replies --letter "
                    + letterId + ")");
        }
        Map<Long, List<LoggedMessage>> byAssociation = db.withConnection(c -> repository.boardReplies(c, letterId))
                .stream().collect(Collectors.groupingBy(LoggedMessage::associationId));
        List<Feedback.AssociationFeedback> rows = letters.associationsAddressed(letterId).stream()
                .sorted(Comparator.comparing(LetterDirectory.Association::name))
                .map(a -> new Feedback.AssociationFeedback(a.id(), a.name(), byAssociation.getOrDefault(a.id(), List.of())))
                .toList();
        return new Feedback(letterId, letter.subject(), letter.feedbackDeadline(), rows);
    }

    /**
     * Records an answer a board gave in the form of its association page as that association's
     * feedback on {@code letterId}: the same REPLY row an e-mail reply to delivery {@code deliveryId}
     * makes, so {@link #feedback}, the reminders before the deadline and the summary after it count
     * both alike. Returns the row's id.
     */
    public long recordFormAnswer(long deliveryId, long letterId, Long memberId, long associationId, String subject, String text) {
        LetterDirectory.Letter letter = letters.letter(letterId).orElseThrow(() -> new UtskickException("there is no letter " + letterId));
        if (!FEEDBACK_KINDS.contains(letter.kind())) {
            throw new UtskickException("letter " + letterId + " is a " + letter.kind() + " letter; it asks for no feedback");
        }
        String body = text == null ? "" : text.strip();
        for (int attempt = 0; ; attempt++) {
            try {
                return db.withConnection(c -> repository.insertFormAnswer(c, clock.instant(), deliveryId, letterId, letter.kind(),
                        memberId, associationId, subject, body, QuoteStripper.excerpt(body)));
            } catch (RuntimeException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Deletes raw messages older than the retention; the scheduler calls it daily. Returns how many. */
    public int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int n = db.withConnection(c -> repository.purgeRaw(c, cutoff));
        if (n > 0) {
            log.info("purged {} raw messages received before {}", n, cutoff);
        }
        return n;
    }
}
