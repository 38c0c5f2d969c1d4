package se.utskick.letters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import se.utskick.db.Database;
import se.utskick.delivery.LetterLifecycle;

/**
 * Every state change of a letter, each one a compare-and-set {@code UPDATE ... WHERE state IN (...)}
 * so that two nodes (or two commands) racing for the same change cannot both win. A refused change
 * throws {@link IllegalTransition} naming the state the letter is really in.
 *
 * <p>This feature moves DRAFT → APPROVED ({@link #approve}) and APPROVED → DRAFT ({@link #reopen});
 * delivery drives the rest through {@link LetterLifecycle}: APPROVED/SCHEDULED → SENDING → SENT,
 * SENT → SENDING when failed deliveries are sent again, and anything but SENT → CANCELLED. A letter
 * with a send run never goes back to DRAFT or APPROVED; a paused send keeps its letter SENDING (the
 * pause is the run's state, see delivery's SendRunState). Thread-safe.
 */
public final class LetterStates implements LetterLifecycle {
    private final Database db;

    public LetterStates(Database db) {
        this.db = db;
    }

    /** DRAFT → APPROVED, only if the draft is still at {@code version} (the one that was rendered). */
    void approve(long letterId, int version, int recipients) {
        int n = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET state = 'APPROVED', approved_at = CURRENT_TIMESTAMP(3), "
                    + "approved_count = ? WHERE id = ? AND state = 'DRAFT' AND version = ?")) {
                ps.setInt(1, recipients);
                ps.setLong(2, letterId);
                ps.setInt(3, version);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            LetterState now = stateOf(letterId);
            throw now == LetterState.DRAFT
                    ? new IllegalTransition(letterId, now, "error.letter.edited.meanwhile",
                            "letter " + letterId + " was edited while it was being approved; approve it again")
                    : refused(letterId, now, LetterState.APPROVED, LetterState.DRAFT);
        }
    }

    /** APPROVED → DRAFT, so it can be edited again. */
    void reopen(long letterId) {
        move(letterId, LetterState.DRAFT, ", approved_at = NULL, approved_count = NULL, version = version + 1", LetterState.APPROVED);
    }

    @Override
    public void startSending(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET state = 'SENDING', updated_at = CURRENT_TIMESTAMP(3) "
                + "WHERE id = ? AND state IN ('APPROVED', 'SCHEDULED')")) {
            ps.setLong(1, letterId);
            if (ps.executeUpdate() == 0) {
                throw refused(letterId, stateOf(c, letterId), LetterState.SENDING,
                        LetterState.APPROVED, LetterState.SCHEDULED);
            }
        }
    }

    @Override
    public void schedule(long letterId, Instant at) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET state = 'SCHEDULED', scheduled_at = ?, "
                    + "updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'APPROVED'")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, letterId);
                if (ps.executeUpdate() == 0) {
                    throw refused(letterId, stateOf(c, letterId), LetterState.SCHEDULED, LetterState.APPROVED);
                }
            }
            return null;
        });
    }

    /** SENDING → SENT on its own connection. */
    public void finished(long letterId) {
        move(letterId, LetterState.SENT, "", LetterState.SENDING);
    }

    @Override
    public void finished(Connection c, long letterId) throws SQLException {
        move(c, letterId, LetterState.SENT, "", LetterState.SENDING);
    }

    /** Any state but SENT → CANCELLED, on its own (a letter without a send run, such as a notice that could not be approved). */
    public void cancelled(long letterId) {
        db.withConnection(c -> {
            cancelled(c, letterId);
            return null;
        });
    }

    @Override
    public void cancelled(Connection c, long letterId) throws SQLException {
        move(c, letterId, LetterState.CANCELLED, "", CANCELLABLE);
    }

    private static final LetterState[] CANCELLABLE = {LetterState.DRAFT, LetterState.APPROVED, LetterState.SCHEDULED,
            LetterState.SENDING, LetterState.CANCELLED};

    @Override
    public void resending(Connection c, long letterId) throws SQLException {
        move(c, letterId, LetterState.SENDING, "", LetterState.SENT, LetterState.SENDING);
    }

    /** The state the letter is in now. */
    public LetterState stateOf(long letterId) {
        return db.withConnection(c -> stateOf(c, letterId));
    }

    private void move(long letterId, LetterState to, String alsoSet, LetterState... from) {
        db.withConnection(c -> {
            move(c, letterId, to, alsoSet, from);
            return null;
        });
    }

    private static void move(Connection c, long letterId, LetterState to, String alsoSet, LetterState... from) throws SQLException {
        String in = Arrays.stream(from).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement("UPDATE letter SET state = '" + to.name() + "'" + alsoSet
                + ", updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state IN (" + in + ")")) {
            ps.setLong(1, letterId);
            if (ps.executeUpdate() == 0) {
                LetterState now = stateOf(c, letterId);
                if (now == to && Arrays.asList(from).contains(to)) {
                    return; // already there (MariaDB counts changed rows, not matched ones)
                }
                throw refused(letterId, now, to, from);
            }
        }
    }

    private static LetterState stateOf(Connection c, long letterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM letter WHERE id = ?")) {
            ps.setLong(1, letterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LetterNotFound(String.valueOf(letterId));
                }
                return LetterState.valueOf(rs.getString(1));
            }
        }
    }

    private static IllegalTransition refused(long letterId, LetterState now, LetterState to, LetterState... allowedFrom) {
        return new IllegalTransition(letterId, now, "letter " + letterId + " is " + now + " and cannot become " + to + " (only from "
                + Arrays.stream(allowedFrom).map(Enum::name).collect(Collectors.joining(" or ")) + ")");
    }
}
