package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.TestDatabase;
import se.utskick.db.Database;
import se.utskick.delivery.LetterComposer.ComposedMessage;
import se.utskick.delivery.LetterComposer.Recipient;

/**
 * Guards what a reader sees: untrusted content (event titles, item Markdown with raw HTML and
 * javascript: links) is escaped or dropped in the HTML part and intact in the text part; Swedish
 * characters survive both parts; the text part is wrapped text with its links listed; the
 * per-recipient fast path gives exactly what a full template run gives.
 */
class LetterRenderingTest {
    static Database db;
    static Letters letters;
    static Letter members;
    static Letter board;

    @BeforeAll
    static void compose(@TempDir Path dir) {
        db = TestDatabase.fresh();
        AudienceFixture.generate(db, 300, 7);
        letters = LetterFixture.letters(db, dir.resolve("no-overrides"));
        members = LetterFixture.membersLetter(letters, dir);
        board = LetterFixture.boardLetter(letters, dir);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ComposedMessage compose(Letter l, String first, Long association) {
        return letters.composer().prepared(l).compose(new Recipient(1, 1, "a@example.org", first, "Öberg", association,
                "https://example.org/u?t=1&x=2"));
    }

    @Test
    void scriptInAnEventTitleIsEscapedInHtmlAndIntactInText() {
        ComposedMessage m = compose(members, "Åsa", 1L);
        assertFalse(m.html().contains("<script>"), m.html());
        assertTrue(m.html().contains("Internationella kvinnodagen &lt;script&gt;alert(1)&lt;/script&gt;"), m.html());
        assertTrue(m.text().contains("Internationella kvinnodagen <script>alert(1)</script>"), m.text());
        assertTrue(m.html().contains("Vi samlas &amp; tågar &lt;tillsammans&gt;."), m.html());
    }

    @Test
    void rawHtmlInAnItemIsEscapedInHtmlAndIntactInText() {
        ComposedMessage m = compose(members, "Åsa", 1L);
        assertFalse(m.html().contains("<b onclick"), m.html());
        assertFalse(m.html().contains("<script>alert('x')"), m.html());
        assertTrue(m.html().contains("&lt;b onclick="), m.html());
        assertTrue(m.text().contains("<b onclick=\"x()\">fet</b>"), m.text());
        assertTrue(m.text().contains("<script>alert('x')</script>"), m.text());
    }

    @Test
    void javascriptLinkIsNotALinkInEitherPart() {
        ComposedMessage m = compose(members, "Åsa", 1L);
        assertFalse(m.html().toLowerCase().contains("href=\"javascript"), m.html());
        assertFalse(m.text().contains("javascript:alert(1)"), m.text());
        assertTrue(m.text().contains("farlig länk"), m.text());
    }

    @Test
    void swedishCharactersAreIntactInBothParts() {
        ComposedMessage m = compose(members, "Åsa-Örjan", 8L);
        for (String s : new String[] {"Hej Åsa-Örjan!", "Välkommen till årsmötet", "röd-Ö-2026", "Åmål", "På gång i distriktet"}) {
            assertTrue(m.html().contains(s), s + " in " + m.html());
            assertTrue(m.text().contains(s), s + " in " + m.text());
        }
        assertTrue(m.subject().contains("Värmlandsvänstern informerar – mars 2026"), m.subject());
    }

    @Test
    void textPartIsWrappedAndListsItsLinksAtTheEnd() {
        String text = compose(members, "Åsa", 1L).text();
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 72 || !line.contains(" "), "line too long: " + line);
        }
        assertTrue(text.contains("vår webbplats [1]"), text);
        assertTrue(text.contains("[1] https://varmland.example.org/arsmote"), text);
        assertTrue(text.contains("[2] mailto:info@varmland.example.org"), text);
        assertTrue(text.contains("- Motioner senast 1 mars"), text);
        assertFalse(text.contains("<p"), text);
    }

    @Test
    void membersLetterCarriesEventsPasswordAndTheUnsubscribeLink() {
        ComposedMessage m = compose(members, "Åsa", 1L);
        assertTrue(m.html().contains("href=\"https://example.org/u?t=1&amp;x=2\""), m.html());
        assertTrue(m.text().contains("https://example.org/u?t=1&x=2"), m.text());
        assertTrue(m.text().contains("Söndag 8 mars kl. 14.00–16.00"), m.text());
        assertTrue(m.html().contains("Arrangör: Karlstad"), m.html());
        assertTrue(m.html().contains("medlem i Vänsterpartiet Värmland och Karlstad."), m.html());
        assertTrue(m.text().contains("Avregistrera dig från medlemsbrevet:\nhttps://example.org/u?t=1&x=2"), m.text());
    }

    @Test
    void boardLetterAsksForFeedbackByItsDeadlineAndNamesTheAssociation() {
        ComposedMessage m = compose(board, "Björn", 2L);
        assertTrue(m.html().contains("återkoppling senast fredag 13 mars 2026"), m.html());
        assertTrue(m.text().contains("Svara på detta mejl. Svaret räknas för Arvika. Det räcker att en i"), m.text());
        assertFalse(m.html().contains("Avregistrera"), m.html());
    }

    @Test
    void recipientValuesAreEscapedInHtmlAndPlainInText() {
        ComposedMessage m = compose(board, "<b>Kim</b> & Co", 2L);
        assertTrue(m.html().contains("Hej &lt;b&gt;Kim&lt;/b&gt; &amp; Co!"), m.html());
        assertTrue(m.text().contains("Hej <b>Kim</b> & Co!"), m.text());
    }

    @Test
    void recipientOfAnAssociationCreatedAfterPreparationGetsTheLetterWithoutAssociation() {
        ComposedMessage unknown = compose(board, "Ida", 999L);
        assertEquals(compose(board, "Ida", null), unknown);
    }

    @Test
    void recipientWithoutAssociationGetsTheLetterWithoutTheAssociationLine() {
        ComposedMessage m = compose(members, "Ida", null);
        assertTrue(m.text().contains("Vänsterpartiet Värmland. Brev till dig"), m.text());
        assertTrue(m.html().contains("medlem i Vänsterpartiet Värmland.</p>"), m.html());
    }
}
