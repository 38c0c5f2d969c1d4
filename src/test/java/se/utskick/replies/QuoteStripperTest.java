package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Guards the excerpt: the person's own words, without the history Swedish and English mail programs quote. */
class QuoteStripperTest {

    @Test
    void quotedLinesAreDropped() {
        assertEquals("Ja, vi kommer.", QuoteStripper.excerpt("Ja, vi kommer.\n> Kommer ni?\n>> Hej"));
    }

    @Test
    void swedishAttributionCutsTheHistory() {
        assertEquals("Vi ses!", QuoteStripper.excerpt("Vi ses!\n\nDen 22 nov. 2026 kl. 10:15 skrev Kansliet <k@example.se>:\nHej styrelsen"));
    }

    @Test
    void englishAttributionWrappedOverTwoLinesCutsTheHistory() {
        assertEquals("Sounds good.", QuoteStripper.excerpt(
                "Sounds good.\n\nOn Sun, 22 Nov 2026 at 10:15, Kansliet Värmland <\nkansliet@example.se> wrote:\nHej"));
    }

    @Test
    void appleMailSwedishAttributionCutsTheHistory() {
        assertEquals("Absolut.", QuoteStripper.excerpt("Absolut.\n\n22 nov. 2026 kl. 10:15 skrev Kansliet <k@example.se>:\n\nHej"));
    }

    @Test
    void outlookHeaderBlockCutsTheHistory() {
        assertEquals("Vi behandlar det på tisdag.", QuoteStripper.excerpt("Vi behandlar det på tisdag.\n\n"
                + "________________________________\nFrån: Kansliet <k@example.se>\nSkickat: den 22 november 2026 10:15\n"
                + "Till: Styrelsen\nÄmne: Styrelsebrev"));
    }

    @Test
    void outlookOriginalMessageSeparatorCutsTheHistory() {
        assertEquals("OK.", QuoteStripper.excerpt("OK.\n-----Original Message-----\nFrom: x\nSent: y\n"));
        assertEquals("OK.", QuoteStripper.excerpt("OK.\n-----Ursprungligt meddelande-----\nFrån: x\n"));
    }

    @Test
    void signatureIsCut() {
        assertEquals("Hälsningar", QuoteStripper.excerpt("Hälsningar\n-- \nAnna Andersson\nOrdförande"));
    }

    @Test
    void ordinaryLineEndingInWroteIsKept() {
        assertEquals("Jag skrev till dem: inget svar ännu.", QuoteStripper.excerpt("Jag skrev till dem: inget svar ännu."));
    }

    @Test
    void longReplyIsShortenedWithAnEllipsis() {
        String e = QuoteStripper.excerpt("ord ".repeat(1000));
        assertTrue(e.length() <= QuoteStripper.EXCERPT_LENGTH);
        assertTrue(e.endsWith("…"));
    }

    @Test
    void emptyTextGivesAnEmptyExcerpt() {
        assertEquals("", QuoteStripper.excerpt(""));
    }
}
