package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.audience.AudienceMember;
import se.utskick.audience.AudienceRecipientSource;
import se.utskick.audience.Audiences;
import se.utskick.audience.Rule;
import se.utskick.db.Database;
import se.utskick.delivery.LetterComposer.ComposedMessage;
import se.utskick.delivery.LetterComposer.PreparedLetter;
import se.utskick.delivery.LetterComposer.Recipient;
import se.utskick.delivery.RecipientSource;

/**
 * Guards the contracts delivery relies on: the recipient SELECT, wrapped in INSERT ... SELECT as
 * delivery does, freezes exactly the resolved audience; a prepared letter composes for a recipient
 * exactly what the preview shows, the same from many threads at once; List-Id and unsubscribe
 * flags follow the letter kind.
 */
class ComposerContractTest {
    static Database db;
    static Letters letters;
    static Letter members;
    static Letter board;
    static AudienceRecipientSource source;

    @BeforeAll
    static void compose(@TempDir Path dir) {
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 800, 9);
        letters = LetterFixture.letters(db, dir.resolve("none"));
        members = LetterFixture.membersLetter(letters, dir);
        board = LetterFixture.boardLetter(letters, dir);
        letters.approve(members.id());
        letters.approve(board.id());
        source = new AudienceRecipientSource(letters::audienceOf);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void recipientSelectFreezesExactlyTheResolvedAudience() {
        for (Letter l : List.of(members, board)) {
            RecipientSource.Query q = source.recipientsOf(l.id());
            Set<Long> frozen = db.inTransaction(c -> {
                c.createStatement().execute("CREATE TEMPORARY TABLE frozen (member_id BIGINT PRIMARY KEY, email VARCHAR(320), "
                        + "first_name VARCHAR(100), last_name VARCHAR(100), association_id INT NULL)");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO frozen (member_id, email, first_name, last_name, association_id) "
                        + q.sql())) {
                    for (int i = 0; i < q.params().size(); i++) {
                        ps.setObject(i + 1, q.params().get(i));
                    }
                    ps.executeUpdate();
                }
                Set<Long> ids = new HashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT member_id FROM frozen")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                c.createStatement().execute("DROP TEMPORARY TABLE frozen");
                return ids;
            });
            Set<Long> resolved = new HashSet<>();
            new Audiences(db).forEachRecipient(Rule.parse(l.audienceRule()), l.kind().offersUnsubscribe(), m -> resolved.add(m.memberId()));
            assertEquals(resolved, frozen, l.label());
            assertEquals(letters.audienceNow(l).recipients(), frozen.size());
        }
    }

    @Test
    void composeGivesWhatThePreviewShows() {
        Preview p = letters.preview(members.id(), null);
        AudienceMember m = p.member();
        ComposedMessage c = letters.composer().prepare(members.id()).compose(new Recipient(5, m.memberId(), m.email(), m.firstName(),
                m.lastName(), m.associationId(), Preview.PLACEHOLDER_UNSUBSCRIBE));
        assertEquals(p.message(), c);
        assertTrue(p.headers().contains("List-Id: Medlemsbrevet <members.varmland.example.org>"), p.headers());
        assertTrue(p.headers().contains("List-Unsubscribe: <"), p.headers());
        assertTrue(p.headers().contains("To: " + m.firstName() + " " + m.lastName() + " <" + m.email() + ">"), p.headers());
    }

    @Test
    void composeIsTheSameFromManyThreads() throws Exception {
        PreparedLetter p = letters.composer().prepare(board.id());
        List<AudienceMember> all = new java.util.ArrayList<>();
        new Audiences(db).forEachRecipient(Rule.parse(board.audienceRule()), false, all::add);
        List<String> once = all.stream().map(m -> p.compose(recipient(m)).html()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> all.stream().map(m -> p.compose(recipient(m)).html()).toList()));
            }
            for (Future<List<String>> f : runs) {
                assertEquals(once, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void kindDecidesListIdUnsubscribeAndAutoGenerated() {
        PreparedLetter m = letters.composer().prepare(members.id());
        PreparedLetter b = letters.composer().prepare(board.id());
        assertTrue(m.offersUnsubscribe());
        assertFalse(b.offersUnsubscribe());
        assertFalse(m.autoGenerated());
        assertEquals("Styrelsebrevet <board.varmland.example.org>", b.listId());
    }

    private static Recipient recipient(AudienceMember m) {
        return new Recipient(m.memberId(), m.memberId(), m.email(), m.firstName(), m.lastName(), m.associationId(), null);
    }
}
