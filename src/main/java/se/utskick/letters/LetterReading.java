package se.utskick.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.utskick.audience.AudienceRecipientSource.LetterAudience;
import se.utskick.audience.Audiences;
import se.utskick.audience.Resolution;
import se.utskick.audience.Rule;

/**
 * Reading letters, for pages and commands: one letter by id or reference, the newest letters (in a
 * constant number of queries), a recipient's preview, the audience it would reach now, the events it
 * lists. Nothing here changes anything. Thread-safe.
 */
public final class LetterReading {
    private final LetterRepository repo;
    private final Audiences audiences;
    private final TemplateLetterComposer composer;
    private final LettersConfig cfg;
    private final QueuedItems queue;

    LetterReading(LetterRepository repo, Audiences audiences, TemplateLetterComposer composer, LettersConfig cfg, QueuedItems queue) {
        this.repo = repo;
        this.audiences = audiences;
        this.composer = composer;
        this.cfg = cfg;
        this.queue = queue;
    }

    /** A letter by id ({@code 12}, {@code letter-12}) or by kind and month ({@code members-2026-03}). */
    public Letter find(String ref) {
        String r = ref.strip();
        if (r.matches("(letter-)?\\d{1,18}")) {
            return get(Long.parseLong(r.substring(r.indexOf('-') + 1)));
        }
        int dash = r.indexOf('-');
        if (dash > 0) {
            LetterKind kind;
            java.time.YearMonth period;
            try {
                kind = LetterKind.parse(r.substring(0, dash));
                period = Periods.parse(r.substring(dash + 1));
            } catch (LetterException notAReference) {
                throw new LetterNotFound(r);
            }
            return repo.find(kind, period).orElseThrow(() -> new LetterNotFound(r));
        }
        throw new LetterNotFound(r);
    }

    public Letter get(long id) {
        return repo.find(id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
    }

    /** The letter of this kind and month, if there is one. */
    public Optional<Letter> find(LetterKind kind, java.time.YearMonth period) {
        return repo.find(kind, period);
    }

    /** The newest letters first, with their items; of one kind when {@code kind} is not null. Two queries. */
    public List<Letter> recent(LetterKind kind, int limit) {
        return repo.recentLetters(kind, limit);
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
        Letter.Item changed = new Letter.Item(position == 0 ? l.items().size() + 1 : position, LetterFields.heading(id, heading),
                LetterFields.body(id, markdown));
        List<Letter.Item> items = new ArrayList<>(l.items());
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

    /**
     * A test send of the letter as member {@code memberNumber} (a recipient; blank: the first) gets it, to {@code address}
     * (any address, typed: one line, {@code name@domain.tld}). Nothing is stored.
     */
    public TrialLetter trial(long id, String memberNumber, String address) {
        String a = address == null ? "" : address.strip();
        if (!a.matches("[^@\\s<>\"(),;:]{1,64}@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]{2,}") || a.length() > 254) {
            throw new InvalidLetterField(id, "address", "error.testsend.address", "the test address is not an e-mail address");
        }
        Letter l = get(id);
        Preview p = Preview.of(l, memberNumber == null || memberNumber.isBlank() ? null : memberNumber.strip(), audiences, composer, cfg);
        return TrialLetter.of(id, composer.prepared(l), p.member(), a);
    }

    /** Up to {@code limit} of the letter's recipients whose name contains {@code text}: whom to preview it as. */
    public List<Audiences.NamedRecipient> recipientsNamed(long id, String text, int limit) {
        Letter l = get(id);
        if (text == null || text.isBlank() || l.kind() == LetterKind.REMINDER) {
            return List.of();
        }
        return audiences.recipientsNamed(Rule.parse(l.audienceRule()), l.kind().offersUnsubscribe(), text, limit);
    }

    /**
     * The message as it was sent to one recipient, as frozen in their delivery row ({@code firstName},
     * {@code lastName}, {@code associationId}, {@code email}): composed from the renderings stored at
     * approval, not from today's register or events. Only for a letter that was sent.
     */
    public Preview asSent(long id, long memberId, String email, String firstName, String lastName, Long associationId) {
        Letter l = get(id);
        if (l.state() == LetterState.DRAFT || l.state() == LetterState.APPROVED) {
            throw new WrongLetterState(id, l.state(), "error.letter.notsent", "letter " + id + " has not been sent");
        }
        return Preview.of(l, new se.utskick.audience.AudienceMember(memberId, email, firstName, lastName, associationId),
                composer.prepared(l), cfg);
    }

    /**
     * A sent members' letter for nobody in particular (its web version): composed from the renderings
     * stored at approval with {@code greeting} as the first name, no last name, no association and
     * {@code unsubscribe} in place of the personal unsubscribe link. Empty for any other letter
     * (a draft, one not yet sent, another kind) and for one without a website password.
     */
    public Optional<se.utskick.delivery.LetterComposer.ComposedMessage> forEveryone(long id, String greeting, String unsubscribe) {
        Optional<Letter> l = repo.find(id);
        if (l.isEmpty() || l.get().kind() != LetterKind.MEMBERS || l.get().websitePassword() == null
                || (l.get().state() != LetterState.SENDING && l.get().state() != LetterState.SENT)) {
            return Optional.empty();
        }
        return Optional.of(composer.prepared(l.get()).compose(new se.utskick.delivery.LetterComposer.Recipient(0, 0, "", greeting, "",
                null, unsubscribe)));
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
     * Board letters and targeted mailings that are being or were sent, with a feedback deadline from
     * {@code from} to {@code to} inclusive: those whose boards may be reminded or summarised.
     */
    public List<Letter> sentWithDeadline(java.time.LocalDate from, java.time.LocalDate to) {
        return repo.sentWithDeadline(from, to).stream().map(this::get).toList();
    }

    /** SCHEDULED letters whose send time has come. */
    public List<Long> dueScheduled(java.time.Instant now) {
        return queue.dueScheduled(now);
    }
}
