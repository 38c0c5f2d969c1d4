package se.utskick.letters;

import se.utskick.db.Database;

/**
 * Approval and the states a person moves a letter through: approve (renders for every recipient
 * first, see {@link Approval}), reopen, and the automatic letters' approval. The actions that take an
 * {@code actor} write their change row in the transaction that moves the state. Thread-safe.
 */
public final class LetterApprovals {
    private final Database db;
    private final LetterRepository repo;
    private final LetterStates states;
    private final Approval approval;
    private final TemplateLetterComposer composer;
    private final ChangeLog changes;

    LetterApprovals(Database db, LetterRepository repo, LetterStates states, Approval approval, TemplateLetterComposer composer,
                    ChangeLog changes) {
        this.db = db;
        this.repo = repo;
        this.states = states;
        this.approval = approval;
        this.composer = composer;
        this.changes = changes;
    }

    /** Renders for every recipient and approves; with an actor, the change row commits with the state. */
    public Approval.Approved approve(long id, String actor) {
        return approval.approve(get(id), (c, a) -> {
            if (actor != null) {
                changes.record(c, actor, "letter.approve", "letter " + id, a + " recipients");
            }
        });
    }

    /** APPROVED → DRAFT. */
    public void reopen(long id, String actor) {
        db.inTransaction(c -> {
            states.reopen(c, id);
            if (actor != null) {
                changes.record(c, actor, "letter.reopen", "letter " + id, "");
            }
            return null;
        });
    }

    /**
     * DRAFT → APPROVED for a REMINDER letter: it is prepared (every association's rendering, so a
     * template error surfaces here, never while sending) and approved for {@code recipients}.
     */
    public void approveReminder(long id, int recipients) {
        Letter l = get(id);
        if (l.kind() != LetterKind.REMINDER) {
            throw new LetterException(l.label() + " is a " + l.kind() + " letter, not a reminder; approve it as a letter");
        }
        composer.freeze(l);
        states.approve(id, l.version(), recipients);
    }

    /** Marks a letter as an automatic message: it goes out with {@code Auto-Submitted: auto-generated} (RFC 3834). */
    public void markAutomatic(long id) {
        composer.markAutomatic(id);
    }

    private Letter get(long id) {
        return repo.find(id).orElseThrow(() -> new LetterNotFound(String.valueOf(id)));
    }
}
