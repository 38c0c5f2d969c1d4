package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.associations.MaterialBank;
import se.utskick.delivery.LetterComposer.ComposedMessage;
import se.utskick.delivery.SendRunState;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * "Nytt i materialbanken" on the real graph: material approved after the last members' letter was
 * approved and sent is listed in the next one (text and HTML, as previewed and as stored at
 * approval); material approved before it is not; a letter with nothing new has no such section.
 */
class NewInBankTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = new WebFixture(240);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theNextMembersLetterListsWhatWasApprovedSinceTheLastOne() throws Exception {
        MaterialBank bank = fx.app.associations().bank();
        bank.addDistrict("ombud", new MaterialBank.Upload("MOTION", "Gammal motion om busstrafiken", "Text.", null, null));
        Thread.sleep(20);
        Letter may = letter("2031-05");
        fx.app.letters().approve(may.id());
        fx.app.delivery().send(may.id());
        long until = System.currentTimeMillis() + 60_000;
        while (fx.app.delivery().log().run(may.id()).map(r -> r.state() != SendRunState.FINISHED).orElse(true)) {
            assertTrue(System.currentTimeMillis() < until, "the letter is sent within a minute");
            Thread.sleep(200);
        }
        Thread.sleep(20);
        bank.addDistrict("ombud", new MaterialBank.Upload("DEBATTARTIKEL", "Debattartikel om skolan & framtiden", "Text.", null, null));

        Letter june = letter("2031-06");
        ComposedMessage draft = fx.app.letters().reading().preview(june.id(), null).message();
        assertTrue(draft.text().contains("Nytt i materialbanken"), draft.text());
        assertTrue(draft.text().contains("Debattartikel om skolan & framtiden"), draft.text());
        assertTrue(draft.text().contains("Debattartikel från"), "the kind in Swedish: " + draft.text());
        assertFalse(draft.text().contains("Gammal motion"), "approved before the last letter");
        assertTrue(draft.html().contains("Debattartikel om skolan &amp; framtiden"), "escaped in HTML");
        assertFalse(draft.html().contains("Gammal motion"));

        fx.app.letters().approve(june.id());
        ComposedMessage approved = fx.app.letters().reading().preview(june.id(), null).message();
        assertTrue(approved.html().contains("Nytt i materialbanken"), "stored at approval");
        assertTrue(approved.text().contains("Debattartikel om skolan"));
        assertFalse(approved.text().contains("Gammal motion"));

        Letter july = letter("2031-07");
        ComposedMessage empty = fx.app.letters().reading().preview(july.id(), null).message();
        assertFalse(empty.text().contains("materialbanken"), "nothing new since June's approval: no section " + empty.text());
        assertFalse(empty.html().contains("materialbanken"));
        assertEquals(1, fx.app.letters().reading().preview(june.id(), null).message().text().split("Nytt i materialbanken", -1).length - 1);
    }

    @Test
    void theBoardLetterCarriesTheSectionToo() {
        MaterialBank bank = fx.app.associations().bank();
        bank.addDistrict("ombud", new MaterialBank.Upload("FLYGBLAD", "Flygblad inför valet", "Text.", null, null));
        Letter board = fx.app.letters().create(LetterKind.BOARD, "2031-08", List.of(), null);
        fx.app.letters().addItemText(board.id(), "Styrelsemöte", "Vi ses i augusti.");
        ComposedMessage m = fx.app.letters().reading().preview(board.id(), null).message();
        assertTrue(m.text().contains("Flygblad inför valet"), m.text());
        assertTrue(m.text().contains("Flygblad från"), m.text());
        assertTrue(m.html().contains("materialbanken på er föreningssida"), m.html());
    }

    private static Letter letter(String period) {
        Letter l = fx.app.letters().create(LetterKind.MEMBERS, period, List.of(), null);
        fx.app.letters().addItemText(l.id(), "Nyheter", "Något hände.");
        return l;
    }
}
