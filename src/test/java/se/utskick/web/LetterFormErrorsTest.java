package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * Each typed user error of the letters reaches the compose page as its Swedish sentence next to the
 * field at fault (with what was typed kept), with its status (404, 409, 422), and nothing of the
 * refused form is saved; a form's change and its audit row are written together; confirmations
 * after an item change reach the page (the query before the fragment).
 */
class LetterFormErrorsTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = new WebFixture(240);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Letter board() {
        List<String> two = fx.app.register().associationNames().values().stream().sorted().limit(2).toList();
        return fx.app.letters().create(LetterKind.TARGETED, null, two, null);
    }

    /** The text of the field error next to {@code field}, or "" when there is none. */
    private static String fieldError(String html, String field) {
        Matcher m = Pattern.compile("<p class=\"field-error\" id=\"" + field + "-error\" role=\"alert\">([^<]*)</p>").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    @Test
    void aSubjectOfSpacesIsRefusedAtTheSubjectAndTheDeadlineIsNotSaved() {
        Http h = fx.signedIn();
        Letter l = board();
        String csrf = h.csrf("/brev/" + l.id());
        String deadline = LocalDate.now().plusDays(10).toString();
        HttpResponse<String> r = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", "   ", "deadline", deadline, "request", "Svara gärna");
        assertEquals(422, r.statusCode());
        assertEquals("Skriv en ämnesrad.", fieldError(r.body(), "subject"), r.body());
        assertTrue(r.body().contains("value=\"" + deadline + "\""), "the typed deadline is shown again");
        Letter after = fx.app.letters().get(l.id());
        assertEquals(l.subject(), after.subject());
        assertEquals(null, after.feedbackDeadline(), "nothing of the form was saved");
        assertEquals(null, after.feedbackRequest());
        assertEquals(l.version(), after.version());
    }

    @Test
    void aPastDeadlineIsRefusedAtTheDeadlineAndTheNewSubjectIsNotSaved() {
        Http h = fx.signedIn();
        Letter l = board();
        String csrf = h.csrf("/brev/" + l.id());
        LocalDate past = LocalDate.now().minusDays(3);
        HttpResponse<String> r = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", "Nytt ämne som inte ska sparas",
                "deadline", past.toString());
        assertEquals(422, r.statusCode());
        assertTrue(fieldError(r.body(), "deadline").contains("har redan passerat"), r.body());
        assertTrue(fieldError(r.body(), "deadline").contains(String.valueOf(past.getYear())), "the date in Swedish words");
        assertEquals("", fieldError(r.body(), "subject"));
        assertTrue(r.body().contains("value=\"Nytt ämne som inte ska sparas\""), "the typed subject is kept on the page");
        assertEquals(l.subject(), fx.app.letters().get(l.id()).subject(), "the subject of the same form was not saved");
        HttpResponse<String> unreadable = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", "Annat", "deadline", "31/12");
        assertEquals(422, unreadable.statusCode());
        assertTrue(fieldError(unreadable.body(), "deadline").startsWith("Datumet gick inte att läsa"), unreadable.body());
        assertEquals(l.subject(), fx.app.letters().get(l.id()).subject());
    }

    @Test
    void itemErrorsStandAtTheItemsFieldsWithTheTypedTextAndNoItemIsSaved() {
        Http h = fx.signedIn();
        Letter l = board();
        String csrf = h.csrf("/brev/" + l.id());
        HttpResponse<String> empty = h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Rubrik som ska stå kvar", "body", "  ");
        assertEquals(422, empty.statusCode());
        assertEquals("Punkten behöver en text.", fieldError(empty.body(), "body"), empty.body());
        assertTrue(empty.body().contains("value=\"Rubrik som ska stå kvar\""));
        HttpResponse<String> twoLines = h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Två\nrader", "body", "Text som ska stå kvar");
        assertEquals(422, twoLines.statusCode());
        assertTrue(fieldError(twoLines.body(), "heading").startsWith("Punkten behöver en rubrik på en rad"), twoLines.body());
        assertTrue(twoLines.body().contains("Text som ska stå kvar</textarea>"));
        assertEquals(0, fx.app.letters().get(l.id()).items().size());
        HttpResponse<String> noItem = h.post("/brev/" + l.id() + "/punkter/9", "csrf", csrf, "heading", "H", "body", "B");
        assertEquals(404, noItem.statusCode());
        assertTrue(noItem.body().contains("har ingen punkt 9"), noItem.body());
    }

    @Test
    void aLetterThatIsNotThereIs404InSwedish() {
        Http h = fx.signedIn();
        HttpResponse<String> missing = h.get("/brev/999999");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Det finns inget brev 999999."), missing.body());
        HttpResponse<String> abc = h.get("/brev/abc");
        assertEquals(404, abc.statusCode());
        assertTrue(abc.body().contains("Det finns inget brev abc."), abc.body());
        assertFalse(abc.body().contains("there is no"), "no English");
    }

    @Test
    void anApprovedLetterRefusesEditsWith409AndDeletesOnlyDrafts() {
        Http h = fx.signedIn();
        Letter l = board();
        fx.app.letters().addItemText(l.id(), "Rubrik", "Text.");
        fx.app.letters().approve(l.id());
        String csrf = h.csrf("/brev/" + l.id());
        HttpResponse<String> edit = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", "Nytt");
        assertEquals(409, edit.statusCode());
        assertTrue(edit.body().contains("Brev " + l.id() + " är godkänt och kan inte ändras."), edit.body());
        assertFalse(edit.body().contains("utskick letter"), "no command-line advice on the web");
        HttpResponse<String> delete = h.post("/brev/" + l.id() + "/ta-bort", "csrf", csrf);
        assertEquals(409, delete.statusCode());
        assertTrue(delete.body().contains("Bara utkast kan tas bort."), delete.body());
        assertEquals(l.id(), fx.app.letters().get(l.id()).id());

        Letter draft = board();
        HttpResponse<String> gone = h.post("/brev/" + draft.id() + "/ta-bort", "csrf", csrf);
        assertEquals(302, gone.statusCode());
        assertEquals("/brev?klart=deleted", gone.headers().firstValue("Location").orElse(""));
        assertEquals(404, h.get("/brev/" + draft.id()).statusCode());
        assertTrue(fx.app.audit().recent(WebFixture.USER, "letter.delete", null, 10).stream()
                .anyMatch(e -> e.subject().equals("letter " + draft.id())), "the deletion is in the audit log");
    }

    @Test
    void aNewMonthlyLetterWithoutAMonthIsRefusedAtTheMonth() {
        Http h = fx.signedIn();
        String csrf = h.csrf("/brev");
        HttpResponse<String> r = h.post("/brev", "csrf", csrf, "kind", "MEMBERS", "period", "");
        assertEquals(422, r.statusCode());
        assertEquals("Ett månadsbrev behöver en månad.", fieldError(r.body(), "period"), r.body());
        HttpResponse<String> bad = h.post("/brev", "csrf", csrf, "kind", "MEMBERS", "period", "2026-13");
        assertEquals(422, bad.statusCode());
        assertTrue(fieldError(bad.body(), "period").startsWith("Månaden gick inte att läsa"), bad.body());
        assertTrue(bad.body().contains("value=\"2026-13\""));
    }

    @Test
    void aSavedChangeHasItsAuditRowAndItsConfirmationShows() {
        Http h = fx.signedIn();
        Letter l = board();
        String csrf = h.csrf("/brev/" + l.id());
        HttpResponse<String> added = h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Rubrik", "body", "Text.");
        assertEquals(302, added.statusCode());
        String location = added.headers().firstValue("Location").orElse("");
        assertEquals("/brev/" + l.id() + "?klart=item-added#punkter", location);
        assertTrue(h.get(location.substring(0, location.indexOf('#'))).body().contains("Punkten är tillagd."));
        HttpResponse<String> saved = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", "Ett nytt ämne",
                "deadline", LocalDate.now().plusDays(5).toString(), "request", "");
        assertEquals(302, saved.statusCode());
        assertEquals("Ett nytt ämne", fx.app.letters().get(l.id()).subject());
        var rows = fx.app.audit().recent(WebFixture.USER, "letter", null, 50).stream().filter(e -> e.subject().equals("letter " + l.id())).toList();
        assertTrue(rows.stream().anyMatch(e -> e.action().equals("letter.item.add")), rows.toString());
        assertTrue(rows.stream().anyMatch(e -> e.action().equals("letter.edit")), rows.toString());
    }
}
