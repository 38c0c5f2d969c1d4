package se.utskick.letters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The drafts the program writes: the monthly assembly (the item queue and the month's two drafts)
 * and the automatic REMINDER letters. Thread-safe.
 */
public final class ProgramDrafts {
    private final LetterRepository repo;
    private final LetterDrafts drafts;
    private final QueuedItems queue;

    ProgramDrafts(LetterRepository repo, LetterDrafts drafts, QueuedItems queue) {
        this.repo = repo;
        this.drafts = drafts;
        this.queue = queue;
    }

    /**
     * Queues an item for the monthly letter of {@code kind} and {@code period} (YYYY-MM): the monthly
     * assembly puts it into that draft. If the draft exists already, the item goes into it now.
     *
     * @return where the item is: the draft it went into, or empty while it waits in the queue
     */
    public Optional<Letter> queueItem(LetterKind kind, String period, String heading, Path bodyFile) {
        if (!kind.monthly()) {
            throw new LetterException("only the monthly letters (board, members) have a queue; add items to a "
                    + kind.template() + " letter itself");
        }
        YearMonth p = Periods.parse(period);
        if (heading == null || heading.isBlank() || heading.contains("\n") || heading.contains("\r") || heading.strip().length() > 300) {
            throw new LetterException("an item needs a heading of one line, at most 300 characters (--heading)");
        }
        String body = LetterFields.readBody(bodyFile);
        Optional<Letter> existing = repo.find(kind, p);
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
    public Letters.Assembled assemble(LetterKind kind, YearMonth period) {
        if (!kind.monthly()) {
            throw new LetterException("only the monthly letters are assembled, not " + kind.template());
        }
        boolean created = false;
        Letter l = repo.find(kind, period).orElse(null);
        if (l == null) {
            try {
                l = drafts.create(kind, period.toString(), List.of(), null, null);
                created = true;
            } catch (LetterException lostRace) {
                l = repo.find(kind, period).orElseThrow(() -> lostRace);
            }
        }
        int moved = l.state() == LetterState.DRAFT ? queue.moveInto(l) : 0;
        return new Letters.Assembled(get(l.id()), created, moved);
    }

    /**
     * A new draft of an automatic REMINDER letter, whose recipients and content its feature decides
     * ({@link ReminderContent}). With a {@code period} there is at most one per month: a second one
     * is refused. {@code feedbackRequest} and {@code deadline} (both may be null) are copied from the
     * letter it follows up. The audience fields only describe it: its recipients are not a rule.
     */
    public Letter createReminder(YearMonth period, String subject, String audienceName, String feedbackRequest, LocalDate deadline) {
        if (subject.contains("\r") || subject.contains("\n")) {
            throw new LetterException("the subject of a reminder must be one line");
        }
        long id = repo.insert(LetterKind.REMINDER, period, subject, audienceName, "");
        if (feedbackRequest != null) {
            repo.setFeedbackRequest(id, feedbackRequest);
        }
        if (deadline != null) {
            repo.setFeedbackDeadline(id, deadline);
        }
        return get(id);
    }

    /** Appends an item written by the program (Markdown, rendered with raw HTML escaped like any item). */
    public void addText(long id, String heading, String markdown) {
        drafts.append(id, Stitch.clean(heading), markdown, null);
    }

    private Letter get(long id) {
        return repo.find(id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
    }
}
