package se.utskick.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import se.utskick.delivery.LetterComposer;

/**
 * Delivery's {@link LetterComposer}: loads the letter, renders its Markdown and events once and
 * hands out a {@link PreparedTemplateLetter}. Only approved (scheduled, sending) letters are
 * prepared for delivery; approval itself prepares the draft through {@link #prepared}.
 * Thread-safe.
 */
public final class TemplateLetterComposer implements LetterComposer {
    private static final EnumSet<LetterState> SENDABLE = EnumSet.of(LetterState.APPROVED, LetterState.SCHEDULED, LetterState.SENDING);

    private final LetterRepository repo;
    private final Events events;
    private final Templates templates;
    private final LettersConfig cfg;
    private final Clock clock;
    private final ReminderContent reminders;
    private final TemplateSnapshots snapshots;
    private final Renderings renderings;
    private final BankWindow bank;

    TemplateLetterComposer(LetterRepository repo, Events events, Templates templates, TemplateSnapshots snapshots, Renderings renderings,
                           LettersConfig cfg, Clock clock, ReminderContent reminders, BankWindow bank) {
        this.bank = bank;
        this.repo = repo;
        this.renderings = renderings;
        this.snapshots = snapshots;
        this.reminders = reminders;
        this.events = events;
        this.templates = templates;
        this.cfg = cfg;
        this.clock = clock;
    }

    @Override
    public PreparedLetter prepare(long letterId) {
        Letter l = repo.find(letterId).orElseThrow(() -> new LetterException("there is no letter " + letterId));
        if (!SENDABLE.contains(l.state())) {
            throw new LetterException(l.label() + " is " + l.state() + "; only an approved letter can be sent (utskick letter approve "
                    + l.id() + ")");
        }
        return prepared(l);
    }

    /**
     * The letter prepared whatever its state, for preview: a letter approved (or further) renders
     * from the template sources stored at its approval, a draft from the files as they are now.
     */
    PreparedTemplateLetter prepared(Letter l) {
        if (l.state() != LetterState.DRAFT) {
            java.util.Optional<java.util.Map<Long, String[]>> stored = renderings.load(l.id());
            if (stored.isPresent()) {
                return new PreparedTemplateLetter(l, stored.get(), l.kind().listId(cfg.listIdDomain()),
                        l.kind() == LetterKind.REMINDER || snapshots.automatic(l.id()));
            }
        }
        TemplateSet set = l.state() == LetterState.DRAFT ? null : snapshots.load(l.id()).map(templates::of).orElse(null);
        return prepared(l, set == null ? templates.current() : set);
    }

    /**
     * For approval: the letter prepared from the template files as they are now (every template
     * error surfaces here), and the sources it was rendered with stored with the letter, so that
     * sending renders exactly what was approved (a later edit of a file affects the next letter).
     * The caller then approves; should that fail, the stored sources are replaced at the next
     * approval and a draft never reads them.
     */
    PreparedTemplateLetter freeze(Letter l) {
        PreparedTemplateLetter p = prepared(l, templates.current());
        snapshots.save(l.id(), p.sources());
        renderings.save(l.id(), p.renderings());
        return p;
    }

    /** Marks the letter as an automatic message ({@code Auto-Submitted: auto-generated}). */
    void markAutomatic(long letterId) {
        snapshots.markAutomatic(letterId);
    }

    private PreparedTemplateLetter prepared(Letter l, TemplateSet set) {
        List<Event> ev = l.kind() == LetterKind.MEMBERS ? eventsFor(l) : List.of();
        return new PreparedTemplateLetter(l, set, LetterModel.of(l, ev, bank.news(l), l.audienceName(), cfg), repo.associationNames(),
                l.kind().listId(cfg.listIdDomain()), reminders, l.kind() != LetterKind.REMINDER && snapshots.automatic(l.id()));
    }

    /** The events of the letter's weeks: from the first day of its month (today for letters without a period). */
    List<Event> eventsFor(Letter l) {
        LocalDateTime from = l.period() != null ? l.period().atDay(1).atStartOfDay()
                : LocalDate.now(clock.withZone(cfg.zone())).atStartOfDay();
        return events.between(from, from.plusWeeks(cfg.eventWeeks()));
    }
}
