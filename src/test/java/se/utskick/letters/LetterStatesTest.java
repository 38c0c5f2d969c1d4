package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;

/**
 * Guards the letter's state machine: DRAFT ⇄ APPROVED here, APPROVED/SCHEDULED → SENDING → SENT and
 * → CANCELLED for delivery; every other change is refused naming the state the letter is in; only a
 * draft can be edited; an approved letter is only prepared for delivery once approved.
 */
class LetterStatesTest {
    @TempDir
    Path dir;
    Database db;
    Letters letters;
    Letter board;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 100, 5);
        letters = LetterFixture.letters(db, dir.resolve("none"));
        board = LetterFixture.boardLetter(letters, dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void approvedLetterGoesThroughSendingToSent() {
        letters.approve(board.id());
        letters.states().schedule(board.id(), Instant.parse("2026-03-01T07:00:00Z"));
        db.inTransaction(c -> {
            letters.states().startSending(c, board.id());
            return null;
        });
        letters.states().finished(board.id());
        assertEquals(LetterState.SENT, letters.get(board.id()).state());
        var e = assertThrows(IllegalTransition.class, () -> letters.states().cancelled(board.id()));
        assertTrue(e.getMessage().contains("is SENT"), e.getMessage());
    }

    @Test
    void draftCannotBeSentScheduledOrPreparedForDelivery() {
        var e = assertThrows(IllegalTransition.class, () -> db.inTransaction(c -> {
            letters.states().startSending(c, board.id());
            return null;
        }));
        assertTrue(e.getMessage().contains("is DRAFT and cannot become SENDING"), e.getMessage());
        assertThrows(IllegalTransition.class, () -> letters.states().schedule(board.id(), Instant.now()));
        assertThrows(IllegalTransition.class, () -> letters.states().finished(board.id()));
        var p = assertThrows(LetterException.class, () -> letters.composer().prepare(board.id()));
        assertTrue(p.getMessage().contains("only an approved letter can be sent"), p.getMessage());
    }

    @Test
    void approvedLetterCannotBeEditedUntilReopened() {
        letters.approve(board.id());
        var e = assertThrows(IllegalTransition.class, () -> letters.setSubject(board.id(), "Nytt ämne"));
        assertEquals(LetterState.APPROVED, e.state());
        assertEquals("error.letter.state.APPROVED", e.key());
        assertThrows(IllegalTransition.class, () -> letters.approve(board.id()));
        letters.reopen(board.id());
        letters.setSubject(board.id(), "Nytt ämne");
        assertEquals(LetterState.DRAFT, letters.get(board.id()).state());
        assertThrows(IllegalTransition.class, () -> letters.reopen(board.id()));
    }

    @Test
    void sendingLetterCannotBeReopenedOrSentTwice() {
        letters.approve(board.id());
        db.inTransaction(c -> {
            letters.states().startSending(c, board.id());
            return null;
        });
        assertThrows(IllegalTransition.class, () -> letters.reopen(board.id()));
        assertThrows(IllegalTransition.class, () -> db.inTransaction(c -> {
            letters.states().startSending(c, board.id());
            return null;
        }));
        letters.states().cancelled(board.id());
        assertEquals(LetterState.CANCELLED, letters.get(board.id()).state());
    }

    @Test
    void approvalOfAnOutdatedVersionIsRefused() {
        Letter stale = letters.get(board.id());
        letters.setSubject(board.id(), "Ändrat under tiden");
        var e = assertThrows(IllegalTransition.class, () -> letters.states().approve(stale.id(), stale.version(), 1));
        assertTrue(e.getMessage().contains("edited while it was being approved"), e.getMessage());
    }
}
