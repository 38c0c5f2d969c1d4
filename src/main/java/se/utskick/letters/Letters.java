package se.utskick.letters;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import se.utskick.audience.AudienceRecipientSource.LetterAudience;
import se.utskick.audience.Audiences;
import se.utskick.audience.BuiltInList;
import se.utskick.audience.NamedList;
import se.utskick.audience.Resolution;
import se.utskick.audience.Rule;
import se.utskick.db.Database;

/**
 * The letters service: compose (create, items, subject, deadline, password), show, preview, approve
 * and reopen. Every edit applies only to a draft. Thread-safe.
 */
public final class Letters {
    private final LetterRepository repo;
    private final Audiences audiences;
    private final LettersConfig cfg;
    private final Clock clock;
    private final Events events;
    private final LetterStates states;
    private final TemplateLetterComposer composer;
    private final Approval approval;
    private final QueuedItems queue;

    public Letters(Database db, Audiences audiences, LettersConfig cfg, Clock clock) {
        this(db, audiences, cfg, clock, ReminderContent.NONE);
    }

    /** @param reminders what REMINDER letters say (the reminders feature) */
    public Letters(Database db, Audiences audiences, LettersConfig cfg, Clock clock, ReminderContent reminders) {
        this.repo = new LetterRepository(db);
        this.audiences = audiences;
        this.cfg = cfg;
        this.clock = clock;
        this.events = new Events(db);
        this.states = new LetterStates(db);
        this.composer = new TemplateLetterComposer(repo, events, new Templates(cfg.templateOverrides(), cfg.zone()),
                new TemplateSnapshots(db), cfg, clock, reminders);
        this.approval = new Approval(audiences, states, composer, cfg, clock);
        this.queue = new QueuedItems(db);
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

    /**
     * A new draft. Monthly kinds need {@code period} (YYYY-MM); a targeted letter goes to the boards
     * of {@code associations}, or to {@code listName}. With neither, the kind's default list.
     */
    public Letter create(LetterKind kind, String period, List<String> associations, String listName) {
        if (kind.monthly() && period == null) {
            throw new InvalidLetterField(0, "period", "error.letter.period.missing", "a " + kind.template() + " letter needs a period (YYYY-MM)");
        }
        YearMonth p = kind.monthly() ? Periods.parse(period) : null;
        String name;
        Rule rule;
        if (!associations.isEmpty()) {
            List<Integer> ids = audiences.associationIds(associations);
            rule = BuiltInList.ALL_BOARDS.rule().inAssociations(ids);
            name = "styrelserna i " + String.join(", ", associations.stream().map(String::strip).toList());
        } else if (kind == LetterKind.TARGETED && listName == null) {
            throw new InvalidLetterField(0, "associations", "error.letter.targeted.audience", "a targeted letter needs associations or a list");
        } else {
            NamedList list = audiences.list(listName == null ? kind.defaultList() : listName);
            rule = list.rule();
            name = list.description().isBlank() ? list.name() : list.description();
        }
        String subject = kind.title() + (p == null ? "" : " – " + Periods.shown(p));
        return get(repo.insert(kind, p, subject, name, rule.format()));
    }

    /** A letter by id ({@code 12}, {@code letter-12}) or by kind and month ({@code members-2026-03}). */
    public Letter find(String ref) {
        String r = ref.strip();
        if (r.matches("(letter-)?\\d+")) {
            return get(Long.parseLong(r.substring(r.indexOf('-') + 1)));
        }
        int dash = r.indexOf('-');
        if (dash > 0) {
            LetterKind kind = LetterKind.parse(r.substring(0, dash));
            return repo.find(kind, Periods.parse(r.substring(dash + 1)))
                    .orElseThrow(() -> new LetterNotFound(r));
        }
        throw new LetterNotFound(ref.strip());
    }

    public Letter get(long id) {
        return repo.find(id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
    }

    /** Appends an item whose body is the Markdown file {@code bodyFile} (UTF-8). */
    public void addItem(long id, String heading, Path bodyFile) {
        if (heading == null || heading.isBlank()) {
            throw new InvalidLetterField(id, "heading", "error.item.heading", "an item needs a heading");
        }
        String body = readBody(bodyFile);
        draftOnly(id, repo.addItem(id, heading.strip(), body));
    }

    private static String readBody(Path bodyFile) {
        try {
            return Files.readString(bodyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LetterException("the item body file " + bodyFile + " does not exist");
        } catch (MalformedInputException e) {
            throw new LetterException("the item body file " + bodyFile + " is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new LetterException("cannot read the item body file " + bodyFile + ": " + e.getMessage());
        }
    }

    /**
     * Appends an item written in the interface. The heading is one line of at most 300 characters;
     * the body is Markdown (raw HTML in it is shown as text, never run).
     */
    public void addItemText(long id, String heading, String markdown) {
        draftOnly(id, repo.addItem(id, checkedHeading(id, heading), checkedBody(id, markdown)));
    }

    /** Replaces item {@code position} (1-based) of a draft. */
    public void editItem(long id, int position, String heading, String markdown) {
        String h = checkedHeading(id, heading);
        String b = checkedBody(id, markdown);
        itemEdit(id, position, repo.editItem(id, position, h, b));
    }

    /** Removes item {@code position} of a draft; the later ones move up. */
    public void removeItem(long id, int position) {
        itemEdit(id, position, repo.removeItem(id, position));
    }

    /** Moves item {@code position} one place up ({@code -1}) or down ({@code +1}). */
    public void moveItem(long id, int position, int direction) {
        if (direction != -1 && direction != 1) {
            throw new LetterException("an item moves one place up (-1) or down (+1), not " + direction);
        }
        itemEdit(id, position, repo.swapItems(id, position, position + direction));
    }

    /** The newest letters first; of one kind when {@code kind} is not null. */
    public List<Letter> recent(LetterKind kind, int limit) {
        return repo.recent(kind, limit).stream().map(this::get).toList();
    }

    private void itemEdit(long id, int position, boolean applied) {
        if (!applied && states.stateOf(id) == LetterState.DRAFT) {
            throw new ItemNotFound(id, position);
        }
        draftOnly(id, applied);
    }

    static String checkedHeading(long id, String heading) {
        if (heading == null || heading.isBlank() || heading.contains("\n") || heading.contains("\r") || heading.strip().length() > 300) {
            throw new InvalidLetterField(id, "heading", "error.item.heading", "an item needs a heading of one line, at most 300 characters");
        }
        return heading.strip();
    }

    static String checkedBody(long id, String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new InvalidLetterField(id, "body", "error.item.body.blank", "an item needs a text");
        }
        if (markdown.length() > 100_000) {
            throw new InvalidLetterField(id, "body", "error.item.body.long", "an item's text is at most 100,000 characters, this one has "
                    + markdown.length(), markdown.length());
        }
        if (markdown.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw new InvalidLetterField(id, "body", "error.item.body.control", "an item's text contains control characters; paste it as plain text");
        }
        return markdown.replace("\r\n", "\n");
    }

    /**
     * Queues an item for the monthly letter of {@code kind} and {@code period} (YYYY-MM): the monthly
     * assembly puts it into that draft. If the draft exists already, the item goes into it now.
     *
     * @return where the item is: the draft it went into, or empty while it waits in the queue
     */
    public java.util.Optional<Letter> queueItem(LetterKind kind, String period, String heading, Path bodyFile) {
        if (!kind.monthly()) {
            throw new LetterException("only the monthly letters (board, members) have a queue; add items to a "
                    + kind.template() + " letter with: utskick letter add-item");
        }
        YearMonth p = Periods.parse(period);
        if (heading == null || heading.isBlank() || heading.contains("\n") || heading.contains("\r") || heading.strip().length() > 300) {
            throw new LetterException("an item needs a heading of one line, at most 300 characters (--heading)");
        }
        String body = readBody(bodyFile);
        java.util.Optional<Letter> existing = repo.find(kind, p);
        if (existing.isPresent() && existing.get().state() != LetterState.DRAFT) {
            throw new IllegalTransition(existing.get().id(), existing.get().state(), existing.get().label() + " is already "
                    + existing.get().state() + "; reopen it or queue the item for a later month");
        }
        queue.queue(kind, p, heading.strip(), body);
        existing.ifPresent(queue::moveInto);
        return existing.map(l -> get(l.id()));
    }

    /**
     * The monthly assembly of one kind and period: creates the DRAFT unless the letter exists (the
     * UNIQUE (kind, period) key decides between two nodes racing), then moves the queued items of
     * that period into it if it is still a draft. Events are not copied: the members' letter lists
     * the events of its weeks whenever it is rendered. Idempotent.
     */
    public Assembled assemble(LetterKind kind, YearMonth period) {
        if (!kind.monthly()) {
            throw new LetterException("only the monthly letters are assembled, not " + kind.template());
        }
        boolean created = false;
        Letter l = repo.find(kind, period).orElse(null);
        if (l == null) {
            try {
                l = create(kind, period.toString(), List.of(), null);
                created = true;
            } catch (LetterException lostRace) {
                l = repo.find(kind, period).orElseThrow(() -> lostRace);
            }
        }
        int moved = l.state() == LetterState.DRAFT ? queue.moveInto(l) : 0;
        return new Assembled(get(l.id()), created, moved);
    }

    /** What {@link #assemble} did: whether it created the draft, and how many queued items it added. */
    public record Assembled(Letter letter, boolean created, int itemsAdded) {
    }

    /** SCHEDULED letters whose send time has come. */
    public List<Long> dueScheduled(java.time.Instant now) {
        return queue.dueScheduled(now);
    }

    public void setSubject(long id, String subject) {
        checkedSubject(id, subject);
        draftOnly(id, repo.set(id, "subject", subject.strip()));
    }

    /** The feedback deadline of a board letter; today or later. */
    public void setDeadline(long id, LocalDate deadline) {
        if (deadline.isBefore(LocalDate.now(clock.withZone(cfg.zone())))) {
            throw new InvalidLetterField(id, "deadline", "error.letter.deadline.past", "the deadline " + deadline
                    + " is in the past; give a date from today on", Dates.shown(deadline));
        }
        draftOnly(id, repo.set(id, "feedback_deadline", deadline));
    }

    /** The text (Markdown) asking the boards for feedback. */
    public void setFeedbackRequest(long id, String request) {
        draftOnly(id, repo.set(id, "feedback_request", request));
    }

    public void setPassword(long id, String password) {
        if (password.isBlank() || password.contains("\n")) {
            throw new InvalidLetterField(id, "password", "error.letter.password", "the website password must be one non-empty line");
        }
        draftOnly(id, repo.set(id, "website_password", password.strip()));
    }

    /** The subject, stripped: one line, not empty, at most 300 characters. */
    static String checkedSubject(long id, String subject) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidLetterField(id, "subject", "error.letter.subject.blank", "the subject of letter " + id + " is empty");
        }
        if (subject.contains("\r") || subject.contains("\n")) {
            throw new InvalidLetterField(id, "subject", "error.letter.subject.lines", "the subject of letter " + id + " must be one line");
        }
        if (subject.strip().length() > 300) {
            throw new InvalidLetterField(id, "subject", "error.letter.subject.long", "the subject of letter " + id
                    + " is longer than 300 characters");
        }
        return subject.strip();
    }

    /** Renders for every recipient and approves; see {@link Approval}. */
    public Approval.Approved approve(long id) {
        return approval.approve(get(id));
    }

    /** APPROVED → DRAFT. */
    public void reopen(long id) {
        states.reopen(id);
    }

    /** The message one recipient would get: by member number, or the first recipient. */
    public Preview preview(long id, String memberNumber) {
        return Preview.of(get(id), memberNumber, audiences, composer, cfg);
    }

    /**
     * The message one recipient would get if item {@code position} (1-based; 0 = a new item at the
     * end) read {@code heading} and {@code markdown}: the live preview while an item is being
     * written. Nothing is saved; the texts are checked as an edit would check them.
     */
    public Preview previewWith(long id, String memberNumber, int position, String heading, String markdown) {
        Letter l = get(id);
        Letter.Item changed = new Letter.Item(position == 0 ? l.items().size() + 1 : position, checkedHeading(id, heading), checkedBody(id, markdown));
        List<Letter.Item> items = new java.util.ArrayList<>(l.items());
        if (position == 0) {
            items.add(changed);
        } else if (position >= 1 && position <= items.size()) {
            items.set(position - 1, changed);
        } else {
            throw new ItemNotFound(id, position);
        }
        Letter draft = new Letter(l.id(), l.kind(), l.period(), l.state(), l.subject(), l.audienceName(), l.audienceRule(),
                l.feedbackRequest(), l.feedbackDeadline(), l.websitePassword(), l.version(), items);
        return Preview.of(draft, memberNumber, audiences, composer, cfg);
    }

    /** Who the letter would reach if sent now, and who is left out and why. */
    public Resolution audienceNow(Letter l) {
        return audiences.resolve(Rule.parse(l.audienceRule()), l.kind().offersUnsubscribe());
    }

    /** The events the letter lists (only the members' letter lists any). */
    public List<Event> eventsOf(Letter l) {
        return l.kind() == LetterKind.MEMBERS ? composer.eventsFor(l) : List.of();
    }

    /** What the recipient source needs of a letter. */
    public LetterAudience audienceOf(long id) {
        Letter l = get(id);
        return new LetterAudience(Rule.parse(l.audienceRule()), l.kind().offersUnsubscribe());
    }

    /**
     * A new draft of an automatic REMINDER letter, whose recipients and content its feature decides
     * ({@link ReminderContent}). With a {@code period} there is at most one per month: a second one
     * is refused. {@code feedbackRequest} and {@code deadline} (both may be null) are copied from the
     * letter it follows up. The audience fields only describe it: its recipients are not a rule.
     */
    public Letter createReminder(YearMonth period, String subject, String audienceName, String feedbackRequest,
                                 LocalDate deadline) {
        if (subject.contains("\r") || subject.contains("\n")) {
            throw new LetterException("the subject of a reminder must be one line");
        }
        long id = repo.insert(LetterKind.REMINDER, period, subject, audienceName, "");
        if (feedbackRequest != null) {
            repo.set(id, "feedback_request", feedbackRequest);
        }
        if (deadline != null) {
            repo.set(id, "feedback_deadline", deadline);
        }
        return get(id);
    }

    /** The letter of this kind and month, if there is one. */
    public java.util.Optional<Letter> find(LetterKind kind, YearMonth period) {
        return repo.find(kind, period);
    }

    /** Appends an item written by the program (Markdown, rendered with raw HTML escaped like any item). */
    public void addText(long id, String heading, String markdown) {
        draftOnly(id, repo.addItem(id, Stitch.clean(heading), markdown));
    }

    /**
     * DRAFT → APPROVED for a REMINDER letter: it is prepared (every association's rendering, so a
     * template error surfaces here, never while sending) and approved for {@code recipients}.
     */
    public void approveReminder(long id, int recipients) {
        Letter l = get(id);
        if (l.kind() != LetterKind.REMINDER) {
            throw new LetterException(l.label() + " is a " + l.kind() + " letter; approve it with: utskick letter approve " + id);
        }
        composer.freeze(l);
        states.approve(id, l.version(), recipients);
    }

    /** Marks a letter as an automatic message: it goes out with {@code Auto-Submitted: auto-generated} (RFC 3834). */
    public void markAutomatic(long id) {
        composer.markAutomatic(id);
    }

    /**
     * Board letters and targeted mailings that are being or were sent, with a feedback deadline from
     * {@code from} to {@code to} inclusive: those whose boards may be reminded or summarised.
     */
    public List<Letter> sentWithDeadline(LocalDate from, LocalDate to) {
        return repo.sentWithDeadline(from, to).stream().map(this::get).toList();
    }

    private void draftOnly(long id, boolean applied) {
        if (!applied) {
            LetterState s = states.stateOf(id);
            throw new IllegalTransition(id, s, "letter " + id + " is " + s + " and cannot be edited");
        }
    }
}
