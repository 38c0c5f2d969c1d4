package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Guards that a letter's sending page shows, in Swedish, the progress per group of receiving
 * domains and which group is held back and why (issue 18), on the real graph: the counts come from
 * the letter's delivery rows, the hold from what a node's senders recorded in {@code delivery_pace}.
 */
class PacingPageTest {
    private WebFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void theSendingPageShowsProgressPerDomainGroupAndAHeldBackGroupWithTheReceiversAnswer(@TempDir Path dir) throws Exception {
        fx = new WebFixture(240);
        String association = fx.app.register().associationNames().values().stream().sorted().findFirst().orElseThrow();
        var l = fx.app.letters().create(LetterKind.TARGETED, null, List.of(association), null);
        fx.app.letters().setSubject(l.id(), "Kallelse");
        fx.app.letters().addItem(l.id(), "Möte", Files.writeString(dir.resolve("m.md"), "Välkomna!"));
        fx.app.letters().approve(l.id());
        int recipients = fx.app.delivery().send(l.id());
        long end = System.nanoTime() + 60_000_000_000L;
        while (fx.app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        String page = fx.signedIn().get("/brev/" + l.id() + "/utskick").body();
        assertTrue(page.contains("Förlopp per mottagardomän"), page);
        assertTrue(page.contains("Full takt"), page);
        assertTrue(page.contains(recipients + " / " + recipients), "every recipient counted in a group: " + page);

        // what a node's senders record when the other domains answer "too fast"
        fx.db.withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO delivery_pace (node, group_name, rate_per_minute, held_until, reason,"
                    + " changed_at) VALUES ('p1-test', 'other', 150, ?, '421 4.7.0 Try again later', NOW(3))")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().plusSeconds(600)));
                return ps.executeUpdate();
            }
        });
        page = fx.signedIn().get("/brev/" + l.id() + "/utskick").body();
        assertTrue(page.contains("Hålls tillbaka till"), page);
        assertTrue(page.contains("150 brev per minut"), page);
        assertTrue(page.contains("421 4.7.0 Try again later"), page);
    }
}
