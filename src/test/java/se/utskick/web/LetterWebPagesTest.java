package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.delivery.LoggedDelivery;
import se.utskick.delivery.SendRunState;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * A sent members' letter on the web, over HTTP on the real graph, without signing in: the message
 * that arrived in GreenMail links to it; the right password (the one this letter carries) shows the
 * letter with a generic greeting and nothing personal; a wrong one, or an earlier letter's, shows
 * the Swedish error and nothing of the letter; drafts and board letters are 404.
 */
class LetterWebPagesTest {
    static WebFixture fx;
    static Letter june;
    static Letter july;

    @BeforeAll
    static void send() throws Exception {
        fx = new WebFixture(240);
        june = sent("2031-06", "Junibrevets nyhet", "Sommarsol-31");
        july = sent("2031-07", "Julibrevets nyhet", "Blåbär-77");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theRightPasswordShowsTheLetterWithoutAnythingPersonal() throws Exception {
        String received = GreenMailText.first(fx, july.id());
        assertTrue(received.contains("Läs brevet i webbläsaren"), "the letter links to its web version");
        assertTrue(received.contains("/brevet/" + july.id()), received);

        PageClient visitor = new PageClient(fx.base());
        HttpResponse<String> form = visitor.get("/brevet/" + july.id());
        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("Lösenordet som står i brevet"), form.body());
        assertFalse(form.body().contains("Julibrevets nyhet"), "nothing of the letter before the password");
        assertTrue(form.body().contains("/brevet/" + june.id()), "lists the earlier letter");

        HttpResponse<String> r = visitor.post("/brevet/" + july.id(), "password", "Blåbär-77");
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("Julibrevets nyhet"), body);
        assertTrue(body.contains("Hej kamrat!"), "a generic greeting");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertFalse(body.contains("/u/"), "no unsubscribe link with a token");
        List<LoggedDelivery> ds = fx.app.delivery().log().deliveries(july.id(), Optional.empty(), 50);
        assertFalse(ds.isEmpty());
        for (LoggedDelivery d : ds) {
            var to = fx.app.delivery().log().sentTo(july.id(), d.id()).orElseThrow();
            assertFalse(body.contains(to.email()), "no address");
            assertFalse(body.contains(to.firstName() + " " + to.lastName()), "no name");
            assertFalse(body.contains("Hej " + to.firstName() + "!"), "no personal greeting");
        }
        for (String association : fx.app.register().associationNames().values()) {
            assertFalse(body.contains("och " + association), "no member's association: " + association);
        }
    }

    @Test
    void aWrongPasswordOrAnEarlierLettersShowsOnlyTheSwedishError() {
        PageClient visitor = new PageClient(fx.base());
        for (String wrong : List.of("fel", "Sommarsol-31", "")) {
            HttpResponse<String> r = visitor.post("/brevet/" + july.id(), "password", wrong);
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("Fel lösenord."), r.body());
            assertFalse(r.body().contains("Julibrevets nyhet"), "nothing of the letter");
        }
        HttpResponse<String> own = visitor.post("/brevet/" + june.id(), "password", "Sommarsol-31");
        assertTrue(own.body().contains("Junibrevets nyhet"), "each letter opens with its own password");
    }

    @Test
    void tooManyWrongPasswordsStopTheGuessing() throws Exception {
        Letter august = sent("2031-09", "Septemberbrevets nyhet", "Lingon-9");
        PageClient visitor = new PageClient(fx.base());
        for (int i = 0; i < 10; i++) {
            assertEquals(403, visitor.post("/brevet/" + august.id(), "password", "gissning-" + i).statusCode());
        }
        HttpResponse<String> r = visitor.post("/brevet/" + august.id(), "password", "Lingon-9");
        assertEquals(429, r.statusCode());
        assertTrue(r.body().contains("För många felaktiga försök."), r.body());
        assertFalse(r.body().contains("Septemberbrevets nyhet"), "not even the right password opens it for a while");
        assertTrue(visitor.post("/brevet/" + july.id(), "password", "Blåbär-77").body().contains("Julibrevets nyhet"),
                "another letter is counted apart");
    }

    @Test
    void draftsUnsentAndBoardLettersAre404() {
        Letter draft = fx.app.letters().create(LetterKind.MEMBERS, "2031-11", List.of(), null);
        fx.app.letters().addItemText(draft.id(), "Utkastets nyhet", "Inte skickat.");
        fx.app.letters().setPassword(draft.id(), "Utkast-1");
        Letter board = fx.app.letters().create(LetterKind.BOARD, "2031-08", List.of(), null);
        fx.app.letters().addItemText(board.id(), "Styrelsenytt", "Bara för styrelser.");
        fx.app.letters().approve(board.id());
        PageClient visitor = new PageClient(fx.base());
        for (Letter l : List.of(draft, board)) {
            assertEquals(404, visitor.get("/brevet/" + l.id()).statusCode());
            HttpResponse<String> r = visitor.post("/brevet/" + l.id(), "password", "Utkast-1");
            assertEquals(404, r.statusCode());
            assertFalse(r.body().contains("Utkastets nyhet") || r.body().contains("Styrelsenytt"));
        }
        assertEquals(404, visitor.get("/brevet/999999").statusCode());
        assertEquals(404, visitor.get("/brevet/inte-ett-nummer").statusCode());
    }

    private static Letter sent(String period, String heading, String password) throws Exception {
        Letter l = fx.app.letters().create(LetterKind.MEMBERS, period, List.of(), null);
        fx.app.letters().addItemText(l.id(), heading, "Detta hände.");
        fx.app.letters().setPassword(l.id(), password);
        fx.app.letters().approve(l.id());
        fx.app.delivery().send(l.id());
        long until = System.currentTimeMillis() + 60_000;
        while (fx.app.delivery().log().run(l.id()).map(r -> r.state() != SendRunState.FINISHED).orElse(true)) {
            assertTrue(System.currentTimeMillis() < until, "the letter is sent within a minute");
            Thread.sleep(200);
        }
        return l;
    }

    /** The text of a message of the letter that arrived in GreenMail (decoded). */
    static final class GreenMailText {
        static String first(WebFixture fx, long letterId) throws Exception {
            String subject = fx.app.letters().get(letterId).subject();
            for (jakarta.mail.internet.MimeMessage m : fx.mail.getReceivedMessages()) {
                if (subject.equals(m.getSubject())) {
                    return text(m.getContent());
                }
            }
            throw new AssertionError("no message of letter " + letterId + " arrived");
        }

        private static String text(Object content) throws Exception {
            if (content instanceof jakarta.mail.Multipart mp) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < mp.getCount(); i++) {
                    b.append(text(mp.getBodyPart(i).getContent())).append('\n');
                }
                return b.toString();
            }
            return String.valueOf(content);
        }
    }
}
