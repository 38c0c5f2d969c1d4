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

    TemplateLetterComposer(LetterRepository repo, Events events, Templates templates, LettersConfig cfg, Clock clock,
                           ReminderContent reminders) {
        this.repo = repo;
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

    /** The letter prepared whatever its state: for approval and preview. */
    PreparedTemplateLetter prepared(Letter l) {
        List<Event> ev = l.kind() == LetterKind.MEMBERS ? eventsFor(l) : List.of();
        return new PreparedTemplateLetter(l, templates, LetterModel.of(l, ev, l.audienceName(), cfg), repo.associationNames(),
                l.kind().listId(cfg.listIdDomain()), reminders);
    }

    /** The events of the letter's weeks: from the first day of its month (today for letters without a period). */
    List<Event> eventsFor(Letter l) {
        LocalDateTime from = l.period() != null ? l.period().atDay(1).atStartOfDay()
                : LocalDate.now(clock.withZone(cfg.zone())).atStartOfDay();
        return events.between(from, from.plusWeeks(cfg.eventWeeks()));
    }
}
