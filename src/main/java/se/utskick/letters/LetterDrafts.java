package se.utskick.letters;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import se.utskick.audience.Audiences;
import se.utskick.audience.BuiltInList;
import se.utskick.audience.NamedList;
import se.utskick.audience.Rule;
import se.utskick.db.Database;

/**
 * Drafting: create a letter, write its items, set its subject, deadline, feedback request and website
 * password, delete a draft. Every edit applies only to a DRAFT.
 *
 * <p>Contract of the methods that take an {@code actor} (the web's): each is one call for one form,
 * checked whole before anything is written, then applied in one transaction together with its
 * {@link ChangeLog} row; a refusal ({@link InvalidLetterField}, {@link WrongLetterState},
 * {@link LetterNotFound}, {@link ItemNotFound}) leaves nothing of the form saved. A null actor writes
 * no change row (the command line records its own). Thread-safe.
 */
public final class LetterDrafts {
    private final Database db;
    private final LetterRepository repo;
    private final Audiences audiences;
    private final LettersConfig cfg;
    private final Clock clock;
    private final LetterStates states;
    private final ChangeLog changes;

    LetterDrafts(Database db, LetterRepository repo, Audiences audiences, LettersConfig cfg, Clock clock, LetterStates states,
                 ChangeLog changes) {
        this.db = db;
        this.repo = repo;
        this.audiences = audiences;
        this.cfg = cfg;
        this.clock = clock;
        this.states = states;
        this.changes = changes;
    }

    /**
     * A letter's settings as a form sends them. A null field is left as it is; an empty deadline or
     * feedback request removes it; an empty password leaves it as it is. {@code deadline} is the text
     * typed ({@code YYYY-MM-DD}).
     */
    public record Settings(String subject, String deadline, String request, String password) {
    }

    /**
     * A new draft. Monthly kinds need {@code period} (YYYY-MM); a targeted letter goes to the boards
     * of {@code associations}, or to {@code listName}. With neither, the kind's default list.
     */
    public Letter create(LetterKind kind, String period, List<String> associations, String listName, String actor) {
        if (kind == null) {
            throw new InvalidLetterField(0, "kind", "error.letter.kind", "choose the kind of letter");
        }
        if (kind.monthly() && (period == null || period.isBlank())) {
            throw new InvalidLetterField(0, "period", "error.letter.period.missing", "a " + kind.template() + " letter needs a period (YYYY-MM)");
        }
        YearMonth p;
        try {
            p = kind.monthly() ? Periods.parse(period) : null;
        } catch (LetterException e) {
            throw new InvalidLetterField(0, "period", "error.letter.period.format", e.getMessage());
        }
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
        long id = db.inTransaction(c -> {
            long created = LetterRepository.insert(c, kind, p, subject, name, rule.format());
            record(c, actor, "letter.new", created, kind.name());
            return created;
        });
        return get(id);
    }

    /** Appends an item whose body is the Markdown file {@code bodyFile} (UTF-8); for the command line. */
    public void addItem(long id, String heading, Path bodyFile) {
        if (heading == null || heading.isBlank()) {
            throw new InvalidLetterField(id, "heading", "error.item.heading", "an item needs a heading");
        }
        addItemText(id, heading, LetterFields.readBody(bodyFile), null);
    }

    /**
     * Appends an item written in the interface. The heading is one line of at most 300 characters;
     * the body is Markdown (raw HTML in it is shown as text, never run).
     */
    public void addItemText(long id, String heading, String markdown, String actor) {
        String h = LetterFields.heading(id, heading);
        String b = LetterFields.body(id, markdown);
        append(id, h, b, actor);
    }

    /** Appends an item as given (the program's own texts, already checked or cleaned). */
    void append(long id, String heading, String markdown, String actor) {
        change(id, 0, actor, "letter.item.add", "", c -> ItemSql.addItem(c, id, heading, markdown));
    }

    /** Replaces item {@code position} (1-based) of a draft. */
    public void editItem(long id, int position, String heading, String markdown, String actor) {
        String h = LetterFields.heading(id, heading);
        String b = LetterFields.body(id, markdown);
        change(id, position, actor, "letter.item.edit", "item " + position, c -> ItemSql.editItem(c, id, position, h, b));
    }

    /** Removes item {@code position} of a draft; the later ones move up. */
    public void removeItem(long id, int position, String actor) {
        change(id, position, actor, "letter.item.remove", "item " + position, c -> ItemSql.removeItem(c, id, position));
    }

    /** Moves item {@code position} one place up ({@code -1}) or down ({@code +1}). */
    public void moveItem(long id, int position, int direction, String actor) {
        if (direction != -1 && direction != 1) {
            throw new IllegalArgumentException("an item moves one place up (-1) or down (+1), not " + direction);
        }
        change(id, position, actor, "letter.item.move", "item " + position + (direction < 0 ? " up" : " down"),
                c -> ItemSql.swapItems(c, id, position, position + direction));
    }

    /**
     * Saves a draft's settings form whole: every field is checked first (a deadline is checked for the
     * past only when it changes), then all are written in one UPDATE with the change row.
     */
    public void saveSettings(long id, Settings s, String actor) {
        Letter l = get(id);
        String subject = s.subject() == null ? l.subject() : LetterFields.subject(id, s.subject());
        LocalDate deadline = s.deadline() == null ? l.feedbackDeadline() : deadline(id, s.deadline(), l.feedbackDeadline());
        String request = s.request() == null ? l.feedbackRequest() : s.request().isBlank() ? null : s.request().strip().replace("\r\n", "\n");
        String password = s.password() == null || s.password().isEmpty() ? l.websitePassword() : LetterFields.password(id, s.password());
        db.inTransaction(c -> {
            if (!LetterRepository.settings(c, id, l.version(), subject, deadline, request, password)) {
                throw notApplied(c, id, 0);
            }
            record(c, actor, "letter.edit", id, "");
            return null;
        });
    }

    private LocalDate deadline(long id, String text, LocalDate now) {
        if (text.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidLetterField(id, "deadline", "error.letter.deadline.format", "the date " + text.strip() + " cannot be read (YYYY-MM-DD)");
        }
        if (!d.equals(now) && d.isBefore(LocalDate.now(clock.withZone(cfg.zone())))) {
            throw new InvalidLetterField(id, "deadline", "error.letter.deadline.past", "the deadline " + d
                    + " is in the past; give a date from today on", Dates.shown(d));
        }
        return d;
    }

    public void setSubject(long id, String subject) {
        saveSettings(id, new Settings(subject, null, null, null), null);
    }

    /** The feedback deadline of a board letter; today or later. */
    public void setDeadline(long id, LocalDate deadline) {
        saveSettings(id, new Settings(null, deadline.toString(), null, null), null);
    }

    /** The text (Markdown) asking the boards for feedback; null removes it. */
    public void setFeedbackRequest(long id, String request) {
        saveSettings(id, new Settings(null, null, request == null ? "" : request, null), null);
    }

    public void setPassword(long id, String password) {
        LetterFields.password(id, password);
        saveSettings(id, new Settings(null, null, null, password), null);
    }

    /** Deletes a draft (not a reminder's), its items with it. Anything but a draft is refused. */
    public void delete(long id, String actor) {
        db.inTransaction(c -> {
            Letter l = LetterRepository.find(c, id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
            if (l.kind() == LetterKind.REMINDER) {
                throw new WrongLetterState(id, l.state(), "error.letter.delete.reminder", "letter " + id + " is a reminder; reminders are not deleted");
            }
            if (!LetterRepository.deleteDraft(c, id)) {
                throw new WrongLetterState(id, l.state(), "error.letter.delete.state", "letter " + id + " is " + l.state()
                        + "; only a draft can be deleted");
            }
            record(c, actor, "letter.delete", id, l.kind().name());
            return null;
        });
    }

    @FunctionalInterface
    private interface Edit {
        boolean apply(Connection c) throws SQLException;
    }

    private void change(long id, int position, String actor, String action, String detail, Edit edit) {
        db.inTransaction(c -> {
            if (!edit.apply(c)) {
                throw notApplied(c, id, position);
            }
            record(c, actor, action, id, detail);
            return null;
        });
    }

    /** Why an edit changed nothing: no such letter, not a draft (or edited meanwhile), or no such item. */
    private RuntimeException notApplied(Connection c, long id, int position) throws SQLException {
        Letter l = LetterRepository.find(c, id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
        if (l.state() != LetterState.DRAFT) {
            return new IllegalTransition(id, l.state(), "letter " + id + " is " + l.state() + " and cannot be edited");
        }
        if (position > 0) {
            return new ItemNotFound(id, position);
        }
        return new IllegalTransition(id, l.state(), "error.letter.edited.meanwhile", "letter " + id + " was changed meanwhile; try again");
    }

    private void record(Connection c, String actor, String action, long id, String detail) throws SQLException {
        if (actor != null) {
            changes.record(c, actor, action, "letter " + id, detail);
        }
    }

    private Letter get(long id) {
        return repo.find(id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
    }
}
