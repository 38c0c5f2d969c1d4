package se.utskick.letters;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import se.utskick.audience.AudienceRecipientSource.LetterAudience;
import se.utskick.audience.Audiences;
import se.utskick.audience.Resolution;
import se.utskick.db.Database;

/**
 * The letters feature, built once by the composition root. Its work is split by what callers do:
 * {@link #drafts()} (compose: create, items, settings, delete), {@link #approvals()} (approve, reopen),
 * {@link #reading()} (letters for pages, previews, audiences), {@link #program()} (the monthly assembly
 * and the reminders' drafts); {@link #composer()}, {@link #states()} and {@link #events()} are what
 * delivery and the events pages use. The one-line methods below forward to those services for the
 * callers written before the split (command line, assembly, reminders); new code uses the services.
 * Thread-safe.
 */
public final class Letters {
    /** The letters feature's named queries ({@code sql/letters.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return LetterSql.QUERIES;
    }

    private final LettersConfig cfg;
    private final Events events;
    private final LetterStates states;
    private final TemplateLetterComposer composer;
    private final LetterDrafts drafts;
    private final LetterApprovals approvals;
    private final LetterReading reading;
    private final ProgramDrafts program;

    public Letters(Database db, Audiences audiences, LettersConfig cfg, Clock clock) {
        this(db, audiences, cfg, clock, ReminderContent.NONE, ChangeLog.NONE);
    }

    /**
     * @param reminders what REMINDER letters say (the reminders feature)
     * @param changes   where changes made by a person are recorded, in their own transaction (the audit log)
     */
    public Letters(Database db, Audiences audiences, LettersConfig cfg, Clock clock, ReminderContent reminders, ChangeLog changes) {
        this(db, audiences, cfg, clock, reminders, changes, BankNews.NONE);
    }

    /** @param bank what the members' and board letters' "new in the bank" section lists (the associations feature) */
    public Letters(Database db, Audiences audiences, LettersConfig cfg, Clock clock, ReminderContent reminders, ChangeLog changes,
                   BankNews bank) {
        LetterRepository repo = new LetterRepository(db);
        QueuedItems queue = new QueuedItems(db);
        this.cfg = cfg;
        this.events = new Events(db);
        this.states = new LetterStates(db);
        this.composer = new TemplateLetterComposer(repo, events, new Templates(cfg.templateOverrides(), cfg.zone()),
                new TemplateSnapshots(db), new Renderings(db), cfg, clock, reminders, new BankWindow(db, bank));
        this.drafts = new LetterDrafts(db, repo, audiences, cfg, clock, states, changes);
        this.approvals = new LetterApprovals(db, repo, states, new Approval(audiences, states, composer, cfg, clock), composer, changes);
        this.reading = new LetterReading(repo, audiences, composer, cfg, queue);
        this.program = new ProgramDrafts(repo, drafts, queue);
    }

    /** Compose: create, items, settings, delete; each form one call, audited in its transaction. */
    public LetterDrafts drafts() {
        return drafts;
    }

    /** Approve and reopen. */
    public LetterApprovals approvals() {
        return approvals;
    }

    /** Letters for pages and commands: find, list, preview, audience, events. */
    public LetterReading reading() {
        return reading;
    }

    /** The drafts the program writes: monthly assembly, item queue, reminders. */
    public ProgramDrafts program() {
        return program;
    }

    /** The district's time zone: deadlines, periods and send times are read in it. */
    public java.time.ZoneId zone() {
        return cfg.zone();
    }

    public TemplateLetterComposer composer() {
        return composer;
    }

    public LetterStates states() {
        return states;
    }

    public Events events() {
        return events;
    }

    /** The erasure step of the stored renderings: a reminder that names the member loses its stored rendering. */
    public se.utskick.register.ErasureStep erasure() {
        return new RenderingErasure();
    }

    /** What {@link ProgramDrafts#assemble} did: whether it created the draft, and how many queued items it added. */
    public record Assembled(Letter letter, boolean created, int itemsAdded) {
    }

    // --- forwarding, for callers written before the split ---

    public Letter create(LetterKind kind, String period, List<String> associations, String listName) {
        return drafts.create(kind, period, associations, listName, null);
    }

    public Letter find(String ref) {
        return reading.find(ref);
    }

    public Letter get(long id) {
        return reading.get(id);
    }

    public void addItem(long id, String heading, Path bodyFile) {
        drafts.addItem(id, heading, bodyFile);
    }

    public void addItemText(long id, String heading, String markdown) {
        drafts.addItemText(id, heading, markdown, null);
    }

    public void editItem(long id, int position, String heading, String markdown) {
        drafts.editItem(id, position, heading, markdown, null);
    }

    public void removeItem(long id, int position) {
        drafts.removeItem(id, position, null);
    }

    public void moveItem(long id, int position, int direction) {
        drafts.moveItem(id, position, direction, null);
    }

    public List<Letter> recent(LetterKind kind, int limit) {
        return reading.recent(kind, limit);
    }

    public Optional<Letter> queueItem(LetterKind kind, String period, String heading, Path bodyFile) {
        return program.queueItem(kind, period, heading, bodyFile);
    }

    public Assembled assemble(LetterKind kind, YearMonth period) {
        return program.assemble(kind, period);
    }

    public List<Long> dueScheduled(java.time.Instant now) {
        return reading.dueScheduled(now);
    }

    public void setSubject(long id, String subject) {
        drafts.setSubject(id, subject);
    }

    public void setDeadline(long id, LocalDate deadline) {
        drafts.setDeadline(id, deadline);
    }

    public void setFeedbackRequest(long id, String request) {
        drafts.setFeedbackRequest(id, request);
    }

    public void setPassword(long id, String password) {
        drafts.setPassword(id, password);
    }

    public Approval.Approved approve(long id) {
        return approvals.approve(id, null);
    }

    public void reopen(long id) {
        approvals.reopen(id, null);
    }

    public Preview preview(long id, String memberNumber) {
        return reading.preview(id, memberNumber);
    }

    public Preview previewWith(long id, String memberNumber, int position, String heading, String markdown) {
        return reading.previewWith(id, memberNumber, position, heading, markdown);
    }

    public Resolution audienceNow(Letter l) {
        return reading.audienceNow(l);
    }

    public List<Event> eventsOf(Letter l) {
        return reading.eventsOf(l);
    }

    public LetterAudience audienceOf(long id) {
        return reading.audienceOf(id);
    }

    public Letter createReminder(YearMonth period, String subject, String audienceName, String feedbackRequest, LocalDate deadline) {
        return program.createReminder(period, subject, audienceName, feedbackRequest, deadline);
    }

    public Optional<Letter> find(LetterKind kind, YearMonth period) {
        return reading.find(kind, period);
    }

    public void addText(long id, String heading, String markdown) {
        program.addText(id, heading, markdown);
    }

    public void approveReminder(long id, int recipients) {
        approvals.approveReminder(id, recipients);
    }

    public void markAutomatic(long id) {
        approvals.markAutomatic(id);
    }

    public List<Letter> sentWithDeadline(LocalDate from, LocalDate to) {
        return reading.sentWithDeadline(from, to);
    }
}
