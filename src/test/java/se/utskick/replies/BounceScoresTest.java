package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards soft-bounce scoring as Mailman 3 does it: at most one point a day, a reset after the
 * stale interval, the threshold reached only by bounces on distinct recent days.
 */
class BounceScoresTest {
    static Database db;
    final BounceScores scores = new BounceScores(3, 7);
    static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private boolean bounce(long member, String email, LocalDate day) {
        return db.inTransaction(c -> scores.score(c, member, email, day));
    }

    private int score(long member) {
        return db.withConnection(c -> scores.scoreOf(c, member));
    }

    @Test
    void manyBouncesOnOneDayScoreOnePoint() {
        for (int i = 0; i < 5; i++) {
            assertFalse(bounce(1, "a@example.com", DAY));
        }
        assertEquals(1, score(1));
    }

    @Test
    void bouncesOnThreeRecentDaysReachTheThreshold() {
        assertFalse(bounce(2, "b@example.com", DAY));
        assertFalse(bounce(2, "b@example.com", DAY.plusDays(3)));

        assertTrue(bounce(2, "b@example.com", DAY.plusDays(6)));
        assertEquals(0, score(2), "the score is forgotten once the address is due to be marked");
    }

    @Test
    void bounceAfterTheStaleIntervalStartsAgain() {
        bounce(3, "c@example.com", DAY);
        bounce(3, "c@example.com", DAY.plusDays(1));

        assertFalse(bounce(3, "c@example.com", DAY.plusDays(9)));
        assertEquals(1, score(3));
    }

    @Test
    void scoreOfAnOldAddressDoesNotCountForANewOne() {
        bounce(4, "old@example.com", DAY);
        bounce(4, "old@example.com", DAY.plusDays(1));

        assertFalse(bounce(4, "new@example.com", DAY.plusDays(2)));
        assertEquals(1, score(4));
    }
}
