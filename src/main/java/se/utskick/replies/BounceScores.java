package se.utskick.replies;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

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
        int score;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT email, score, last_bounce_on FROM bounce_score WHERE member_id = ? FOR UPDATE")) {
            ps.setLong(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(email)) {
                    score = 1;
                } else {
                    LocalDate last = rs.getDate(3).toLocalDate();
                    if (!last.isBefore(today)) {
                        return false;
                    }
                    score = last.plusDays(staleDays).isBefore(today) ? 1 : rs.getInt(2) + 1;
                }
            }
        }
        if (score >= threshold) {
            forget(c, memberId);
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bounce_score (member_id, email, score, last_bounce_on)"
                + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE email = VALUES(email), score = VALUES(score),"
                + " last_bounce_on = VALUES(last_bounce_on)")) {
            ps.setLong(1, memberId);
            ps.setString(2, email);
            ps.setInt(3, score);
            ps.setDate(4, Date.valueOf(today));
            ps.executeUpdate();
        }
        return false;
    }

    int scoreOf(Connection c, long memberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT score FROM bounce_score WHERE member_id = ?")) {
            ps.setLong(1, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    void forget(Connection c, long memberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM bounce_score WHERE member_id = ?")) {
            ps.setLong(1, memberId);
            ps.executeUpdate();
        }
    }
}
