package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * Paging of the delivery log and the replies list, through {@code Utskick.wire}, real sending to
 * GreenMail and the real server: a letter to more recipients than a page shows its true total and
 * every delivery once across the pages; the replies list shows its true total and pages.
 */
class LongListPagingTest {
    static WebFixture fx;
    static Http h;
    static long letter;

    @BeforeAll
    static void start() throws Exception {
        fx = new WebFixture(800);
        h = fx.signedIn();
        var l = fx.app.letters().create(LetterKind.TARGETED, null, List.of(), "all-members");
        fx.app.letters().setSubject(l.id(), "Till alla");
        Path md = Files.createTempFile("item", ".md");
        Files.writeString(md, "Hej!");
        fx.app.letters().addItem(l.id(), "Hälsning", md);
        fx.app.letters().approve(l.id());
        fx.app.delivery().send(l.id());
        long end = System.nanoTime() + 180_000_000_000L;
        while (fx.app.letters().get(l.id()).state() != LetterState.SENT && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        letter = l.id();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static int count(String sql) {
        return fx.db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void theDeliveryLogPagesThroughEveryDeliveryWithTheTrueTotal() {
        int total = count("SELECT COUNT(*) FROM delivery WHERE letter_id = " + letter);
        assertTrue(total > 500, "more deliveries than a page: " + total);
        String first = h.get("/brev/" + letter + "/leveranser").body();
        assertTrue(first.contains(String.format(java.util.Locale.forLanguageTag("sv-SE"), "%,d", total) + " rader – sida 1 av 2"), first);
        Set<String> seen = new HashSet<>();
        for (int p = 1; p <= 2; p++) {
            String body = h.get("/brev/" + letter + "/leveranser?status=&sida=" + p).body();
            Matcher m = Pattern.compile("<tr><td>(\\d+)</td>").matcher(body);
            while (m.find()) {
                assertTrue(seen.add(m.group(1)), "delivery " + m.group(1) + " twice");
            }
        }
        assertEquals(total, seen.size());
        String sent = h.get("/brev/" + letter + "/leveranser?status=SENT").body();
        int sentCount = count("SELECT COUNT(*) FROM delivery WHERE letter_id = " + letter + " AND state = 'SENT'");
        assertTrue(sent.contains(String.format(java.util.Locale.forLanguageTag("sv-SE"), "%,d", sentCount) + " rader"), sent);
    }

    @Test
    void theRepliesListShowsItsTrueTotalAndPages() {
        // 250 unmatched replies as the poller stores them (the mailbox is not the subject here)
        fx.db.withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at, processed_at, kind,"
                    + " correlation, subject, excerpt) VALUES ('INBOX', 1, ?, NOW(3), NOW(3), 'REPLY', 'UNMATCHED', ?, 'Hej')")) {
                for (int i = 1; i <= 250; i++) {
                    ps.setInt(1, 100_000 + i);
                    ps.setString(2, "Svar " + i);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
        int total = count("SELECT COUNT(*) FROM inbound_message");
        assertTrue(total >= 250);
        int pages = (total + 199) / 200;
        String first = h.get("/svar").body();
        assertTrue(first.contains(total + " rader – sida 1 av " + pages), first);
        assertTrue(first.contains("rel=\"next\""), first);
        String unmatched = h.get("/svar?typ=UNMATCHED&sida=2").body();
        int noLetter = count("SELECT COUNT(*) FROM inbound_message WHERE letter_id IS NULL");
        assertTrue(unmatched.contains(noLetter + " rader – sida 2 av " + ((noLetter + 199) / 200)), unmatched);
        Matcher m = Pattern.compile("href=\"/svar/\\d+\"").matcher(unmatched);
        int rows = 0;
        while (m.find()) {
            rows++;
        }
        assertEquals(noLetter - 200, rows, "the second page holds the rest");
        assertEquals(200, h.get("/svar?sida=999").statusCode(), "a page past the end shows the last one");
    }
}
