package se.utskick.replies;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import se.utskick.db.Bind;

/**
 * Soft-bounce scoring with decay, as Mailman 3 does it: a bounce on a day that already scored
 * adds nothing (at most one point a day); a bounce more than {@code staleDays} after the last one
 * starts again at 1; otherwise the score grows by one. At {@code threshold} the address is due to be
 * marked BOUNCED and its row is removed. A score kept for another address of the member (the
 * register changed it) starts again. Runs inside the caller's transaction; the row is locked.
 */
final class BounceScores {
    private final int threshold;
    private final long staleDays;

    BounceScores(int threshold, long staleDays) {
        this.threshold = threshold;
        this.staleDays = Math.max(1, staleDays);
    }

    /** Scores one soft bounce; true if the threshold is now reached. */
    boolean score(Connection c, long memberId, String email, LocalDate today) throws SQLException {
        Optional<Scored> kept = Bind.first(c, ReplySql.BOUNCE_SCORE_LOCKED,
                rs -> new Scored(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate()), memberId);
        int score;
        if (kept.isEmpty() || !kept.get().email().equals(email)) {
            score = 1;
        } else {
            LocalDate last = kept.get().last();
            if (!last.isBefore(today)) {
                return false;
            }
            score = last.plusDays(staleDays).isBefore(today) ? 1 : kept.get().score() + 1;
        }
        if (score >= threshold) {
            forget(c, memberId);
            return true;
        }
        Bind.update(c, ReplySql.BOUNCE_SCORE_SET, memberId, email, score, Date.valueOf(today));
        return false;
    }

    private record Scored(String email, int score, LocalDate last) {
    }

    int scoreOf(Connection c, long memberId) throws SQLException {
        return Bind.first(c, ReplySql.BOUNCE_SCORE_OF, rs -> rs.getInt(1), memberId).orElse(0);
    }

    void forget(Connection c, long memberId) throws SQLException {
        Bind.update(c, ReplySql.BOUNCE_SCORE_FORGET, memberId);
    }
}
