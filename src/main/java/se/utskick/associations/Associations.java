package se.utskick.associations;

import se.utskick.UserError;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import se.utskick.db.Database;
import se.utskick.letters.EventState;
import se.utskick.letters.Events;
import se.utskick.replies.LoggedMessage;
import se.utskick.replies.ReplyLog;
import se.utskick.schedule.ScheduledJob;

/**
 * The associations' side, wired: the page a board reaches from its letter ({@link Links}), its
 * answer to the latest feedback question (recorded by the replies feature as that association's
 * feedback, {@link ReplyLog#recordFormAnswer}: it counts exactly as an e-mail reply), the events it
 * sends in (PROPOSED events of the letters feature, with their kind and any refusal here), the
 * outreach tally, and the {@link MaterialBank}. Every visit and change through a link is audited
 * with the link's delivery id as actor, never an address. Thread-safe.
 */
public final class Associations {
    private final Database db;
    private final PageStore store = new PageStore();
    private final Links links;
    private final MaterialBank bank;
    private final Events events;
    private final ReplyLog replies;
    private final Supplier<Map<Long, String>> associations;
    private final AssociationsConfig config;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    private final MissingAddresses missing;

    /** The register's members without a working address (MISSING, INVALID, BOUNCED), of one association. */
    @FunctionalInterface
    public interface MissingAddresses {
        List<MemberToFix> of(String associationName);
    }

    /** One member whose address does not work, as the officer's view shows them (personal data: never logged). */
    public record MemberToFix(String name, String number, String status, String value, String reason) {
    }

    /** The officer's view: their own association's members without a working address; the visit is audited. */
    public List<MemberToFix> membersToFix(PageAccess a) {
        if (!a.officer()) {
            throw new IllegalArgumentException("not an officer's link");
        }
        return missing.of(a.associationName());
    }

    public Associations(Database db, AssociationsConfig config, DeliveryLookup deliveries, Supplier<Map<Long, String>> associations,
                        Events events, ReplyLog replies, MissingAddresses missing, AuditTrail audit, Clock clock, ZoneId zone) {
        this.db = db;
        this.missing = missing;
        this.config = config;
        this.associations = associations;
        this.events = events;
        this.replies = replies;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.links = new Links(db, store, deliveries, associations, config, audit, clock);
        this.bank = new MaterialBank(db, config, audit, clock);
    }

    public Links links() {
        return links;
    }

    public MaterialBank bank() {
        return bank;
    }

    public AssociationsConfig config() {
        return config;
    }

    /** Opens a page: the access of a good token, the visit audited; empty for any other token. */
    public Optional<PageAccess> visit(String token) {
        Optional<PageAccess> a = links.resolve(token);
        a.ifPresent(x -> audit.record(x.actor(), x.officer() ? "association.officer.visit" : "association.page.visit", x.subject(), ""));
        return a;
    }

    /** The board's access of a good token, without auditing a visit (the action that follows is audited); an officer's link changes nothing. */
    public Optional<PageAccess> access(String token) {
        return links.resolve(token).filter(a -> !a.officer());
    }

    /** The feedback question of the latest board letter or targeted mailing that reached the association. */
    public Optional<Question> question(long associationId) {
        return db.withConnection(c -> store.latestQuestion(c, associationId));
    }

    /** Whether the question is still open: its deadline is today or later, in the district's zone. */
    public boolean open(Question q) {
        return !q.deadline().isBefore(LocalDate.now(clock.withZone(zone)));
    }

    /** The association's answers to a letter (e-mail replies and form answers alike), oldest first. */
    public List<LoggedMessage> answers(long letterId, long associationId) {
        return replies.feedback(letterId).associations().stream().filter(f -> f.associationId() == associationId)
                .flatMap(f -> f.replies().stream()).toList();
    }

    /** Answers the open question of the association's latest board letter; refused if it is another letter or closed. */
    public void answer(PageAccess a, long letterId, String text) {
        Question q = question(a.associationId()).filter(x -> x.letterId() == letterId)
                .orElseThrow(() -> PageException.notFound("assoc.error.question.gone", "the feedback question is no longer open"));
        if (!open(q)) {
            throw PageException.wrongState("assoc.error.deadline", "the feedback deadline has passed", String.valueOf(q.deadline()));
        }
        String body = Inputs.text(text, "answer", 10_000);
        if (body.isEmpty()) {
            throw PageException.field("answer", "assoc.error.answer.blank", "the answer is empty");
        }
        long id = replies.recordFormAnswer(a.deliveryId(), letterId, a.memberId(), a.associationId(), "Svar via föreningssidan: "
                + q.subject(), body);
        audit.record(a.actor(), "feedback.form.answer", a.subject(), "letter " + letterId + ", message " + id);
    }

    /** What an association fills in for an event; times as the browser's datetime-local ({@code 2026-05-01T10:00}). */
    public record EventInput(String title, String starts, String ends, String place, String description, String kind) {
    }

    /** An event sent in from the page: PROPOSED until the ombudsman approves it. */
    public long proposeEvent(PageAccess a, EventInput in) {
        String title = Inputs.line(in.title(), "title", 300);
        EventKind kind = EventKind.parse(in.kind());
        LocalDateTime starts = time(in.starts(), "start");
        if (starts == null) {
            throw PageException.field("start", "assoc.error.start.missing", "the event has no start");
        }
        LocalDateTime ends = time(in.ends(), "end");
        if (ends != null && !ends.isAfter(starts)) {
            throw PageException.field("end", "assoc.error.end.before", "the event ends before it starts");
        }
        String place = Inputs.line(in.place(), "place", 300);
        String description = Inputs.text(in.description(), "description", 5000);
        // the event and its kind in one transaction: a crash between them would leave an event without its kind
        long id = db.inTransaction(c -> {
            long added = events.add(c, Math.toIntExact(a.associationId()), title, starts, ends, place, description, EventState.PROPOSED);
            store.addEvent(c, added, a.associationId(), a.deliveryId(), kind);
            return added;
        });
        audit.record(a.actor(), "event.propose", "event " + id, a.subject());
        return id;
    }

    private static LocalDateTime time(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw PageException.field(field, "assoc.error.time", "the time in " + field + " cannot be read", new UserError.Words("assoc.field." + field));
        }
    }

    public List<SentEvent> events(long associationId) {
        return db.withConnection(c -> store.events(c, associationId));
    }

    /** The events sent in from association pages that wait for the ombudsman. */
    public List<SentEvent> proposedEvents() {
        return db.withConnection(store::proposedEvents);
    }

    public void approveEvent(long eventId, String by) {
        sentEvent(eventId);
        if (!events.approve(eventId)) {
            throw PageException.wrongState("assoc.error.event.decided", "the event has already been decided");
        }
        db.withConnection(c -> {
            store.decideEvent(c, eventId, null, clock.instant(), by);
            return null;
        });
        audit.record(by, "event.approve", "event " + eventId, "");
    }

    /** Refuses an event with a reason its association sees on its page. */
    public void refuseEvent(long eventId, String reason, String by) {
        sentEvent(eventId);
        String why = Inputs.line(reason, "reason", 1000);
        if (!events.refuse(eventId)) {
            throw PageException.wrongState("assoc.error.event.decided", "the event has already been decided");
        }
        db.withConnection(c -> {
            store.decideEvent(c, eventId, why, clock.instant(), by);
            return null;
        });
        audit.record(by, "event.refuse", "event " + eventId, "");
    }

    private SentEvent sentEvent(long eventId) {
        return db.withConnection(c -> store.event(c, eventId)).orElseThrow(() -> PageException.notFound("assoc.error.event.gone", "there is no such event"));
    }

    /** The outreach tally of {@code year} for every association. */
    public Outreach outreach(int year) {
        return Outreach.of(year, config.outreachGoal(), LocalDate.now(clock.withZone(zone)), associations.get(),
                db.withConnection(c -> store.outwardApproved(c, year)));
    }

    /** This year, in the district's zone. */
    public int thisYear() {
        return LocalDate.now(clock.withZone(zone)).getYear();
    }

    /** The job that empties material files older than the retention. */
    public List<ScheduledJob> jobs() {
        return List.of(ScheduledJob.of("purge-material", "Empty material bank files older than associations.material.retention-days",
                "0 50 3 * * ?", () -> bank.purge() + " material files emptied"));
    }
}
