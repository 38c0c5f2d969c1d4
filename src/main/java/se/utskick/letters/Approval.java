package se.utskick.letters;

import java.time.Clock;
import java.time.LocalDate;
import se.utskick.audience.Audiences;
import se.utskick.audience.Resolution;
import se.utskick.audience.Rule;
import se.utskick.delivery.LetterComposer.Recipient;

/**
 * DRAFT → APPROVED, only for a letter that renders for every recipient: the letter is checked
 * (subject, items, deadline), prepared (every template error surfaces here, with template name and
 * line; so does a template that passes a {@link RenderLimits} bound) and composed for each
 * recipient of its audience as resolved now. The template sources it was rendered with are stored
 * with it ({@link TemplateLetterComposer#freeze}): sending renders those, not the files. The state change is a
 * compare-and-set on the version that was rendered, so an edit made meanwhile voids the approval.
 */
public final class Approval {
    private final Audiences audiences;
    private final LetterStates states;
    private final TemplateLetterComposer composer;
    private final LettersConfig cfg;
    private final Clock clock;

    Approval(Audiences audiences, LetterStates states, TemplateLetterComposer composer, LettersConfig cfg, Clock clock) {
        this.audiences = audiences;
        this.states = states;
        this.composer = composer;
        this.cfg = cfg;
        this.clock = clock;
    }

    /** The outcome: how many recipients it was rendered for, and the audience's left-out counts. */
    public record Approved(Letter letter, int recipients, Resolution resolution) {
    }

    Approved approve(Letter l) {
        if (l.state() != LetterState.DRAFT) {
            throw new IllegalTransition(l.id(), l.state(), l.label() + " is " + l.state() + " and cannot be approved (only a DRAFT can)");
        }
        check(l);
        PreparedTemplateLetter prepared = composer.freeze(l);
        Rule rule = Rule.parse(l.audienceRule());
        boolean members = l.kind().offersUnsubscribe();
        String unsubscribe = members ? Preview.PLACEHOLDER_UNSUBSCRIBE : null;
        int[] n = {0};
        audiences.forEachRecipient(rule, members, m -> {
            prepared.compose(new Recipient(0, m.memberId(), m.email(), m.firstName(), m.lastName(), m.associationId(), unsubscribe));
            n[0]++;
        });
        if (n[0] == 0) {
            throw new WrongLetterState(l.id(), l.state(), "error.letter.audience.empty",
                    l.label() + " has nobody to go to: its audience (" + l.audienceName() + ") is empty");
        }
        states.approve(l.id(), l.version(), n[0]);
        return new Approved(l, n[0], audiences.resolve(rule, members));
    }

    private void check(Letter l) {
        if (l.subject() == null || l.subject().isBlank()) {
            throw new InvalidLetterField(l.id(), "subject", "error.letter.subject.blank", l.label() + " has an empty subject");
        }
        if (l.items().isEmpty()) {
            throw new InvalidLetterField(l.id(), "items", "error.letter.items.none", l.label() + " has no items");
        }
        if (l.feedbackRequest() != null && l.feedbackDeadline() == null) {
            throw new InvalidLetterField(l.id(), "deadline", "error.letter.deadline.missing", l.label() + " asks for feedback but has no deadline");
        }
        if (l.feedbackDeadline() != null && l.feedbackDeadline().isBefore(LocalDate.now(clock.withZone(cfg.zone())))) {
            throw new InvalidLetterField(l.id(), "deadline", "error.letter.deadline.past", l.label() + " has its feedback deadline "
                    + l.feedbackDeadline() + " in the past", Dates.shown(l.feedbackDeadline()));
        }
    }
}
