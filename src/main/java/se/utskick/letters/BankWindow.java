package se.utskick.letters;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import se.utskick.db.Database;

/**
 * The "new in the bank" section's window: material approved after the approval of the last letter
 * of the same kind (another letter, approved or further, not cancelled), as {@link BankNews} gives
 * it. The approval is the boundary because that is when the earlier letter's content froze
 * (letter_rendering): material approved between its approval and its sending is in the next one.
 * Only the members' and the board letter carry the section. Thread-safe.
 */
final class BankWindow {
    /** At most this many items in one letter: the section is a pointer to the bank, not the bank. */
    static final int LIMIT = 20;

    private final Database db;
    private final BankNews bank;

    BankWindow(Database db, BankNews bank) {
        this.db = db;
        this.bank = bank;
    }

    /** The section's items for {@code l}; empty for other kinds and when nothing is new. */
    List<BankNews.Item> news(Letter l) {
        if (bank == BankNews.NONE || (l.kind() != LetterKind.MEMBERS && l.kind() != LetterKind.BOARD)) {
            return List.of();
        }
        return bank.approvedAfter(lastApproved(l), LIMIT);
    }

    /** When the last other letter of {@code l}'s kind was approved, or null if there is none. */
    Instant lastApproved(Letter l) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(approved_at) FROM letter WHERE kind = ? AND id <> ?"
                    + " AND state IN ('APPROVED', 'SCHEDULED', 'SENDING', 'SENT')")) {
                ps.setString(1, l.kind().name());
                ps.setLong(2, l.id());
                try (ResultSet rs = ps.executeQuery()) {
                    Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }
}
