package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * Guards the web interface over real HTTP on the real graph: nothing but sign-in and the public
 * pages answers without a session; a wrong password, a missing CSRF token (on the sign-in form and
 * on any change) and a stale send confirmation are refused and change nothing; every page renders
 * for a signed-in ombudsman; bad input (a date, a time, an empty item, a letter that does not
 * exist) gets a clear Swedish page, not a stack trace; an item's HTML is never served as markup;
 * every change is in the audit log under the staff member's name.
 */
class WebUiTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = new WebFixture(600);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Http signedIn() {
        return fx.signedIn();
    }

    private static Letter targeted() {
        List<String> two = fx.app.register().associationNames().values().stream().sorted().limit(2).toList();
        return fx.app.letters().create(LetterKind.TARGETED, null, two, null);
    }

    @Test
    void pagesNeedASignInAndChangesNeedASession() {
        Http anonymous = new Http(fx.base());
        HttpResponse<String> page = anonymous.get("/brev");
        assertEquals(302, page.statusCode());
        assertEquals("/logga-in", page.headers().firstValue("Location").orElse(""));
        assertEquals(401, anonymous.post("/brev", "kind", "TARGETED").statusCode());
        assertEquals(200, anonymous.get("/logga-in").statusCode());
        assertEquals(200, anonymous.get("/static/app.css").statusCode());
        assertEquals(404, anonymous.get("/static/..%2Fmessages.properties").statusCode());
    }

    @Test
    void wrongPasswordIsRefusedWithoutASession() {
        Http h = new Http(fx.base());
        HttpResponse<String> r = h.signIn(WebFixture.USER, "fel-lösenord-999");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("Fel användarnamn eller lösenord."), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(StaffGate.COOKIE)));
        assertEquals(302, h.get("/").statusCode(), "still not signed in");
        HttpResponse<String> unknown = h.signIn("ingen-sadan", WebFixture.PASSWORD);
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("Fel användarnamn eller lösenord."), "an unknown user gets the same answer");
    }

    @Test
    void signInFormWithoutItsTokenIsRefused() {
        Http h = new Http(fx.base());
        h.get("/logga-in");
        HttpResponse<String> r = h.post("/logga-in", "username", WebFixture.USER, "password", WebFixture.PASSWORD);
        assertEquals(403, r.statusCode());
        assertEquals(302, h.get("/").statusCode());
    }

    @Test
    void aChangeWithoutOrWithAWrongCsrfTokenIsRefusedAndChangesNothing() {
        Http h = signedIn();
        Letter l = targeted();
        HttpResponse<String> none = h.post("/brev/" + l.id() + "/punkter", "heading", "Rubrik", "body", "Text");
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("CSRF"), none.body());
        HttpResponse<String> wrong = h.post("/brev/" + l.id() + "/punkter", "csrf", "x".repeat(43), "heading", "Rubrik", "body", "Text");
        assertEquals(403, wrong.statusCode());
        assertEquals(0, fx.app.letters().get(l.id()).items().size());
        HttpResponse<String> right = h.post("/brev/" + l.id() + "/punkter", "csrf", h.csrf("/brev/" + l.id()), "heading", "Rubrik", "body", "Text");
        assertEquals(302, right.statusCode());
        assertEquals(1, fx.app.letters().get(l.id()).items().size());
    }

    @Test
    void everyPageRendersForTheOmbudsman() {
        Http h = signedIn();
        Letter l = targeted();
        String csrf = h.csrf("/brev/" + l.id());
        h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Valplanering", "body", "Hur *går* det?");
        for (String[] page : new String[][] {
                {"/", "Månadens brev"}, {"/brev", "Nytt brev"}, {"/brev/" + l.id(), "Valplanering"},
                {"/brev/" + l.id() + "/skicka", "Brevet måste vara godkänt"}, {"/brev/" + l.id() + "/utskick", "har inte skickats"},
                {"/brev/" + l.id() + "/leveranser", "Leveranslogg"}, {"/svar", "Svar"}, {"/brev/" + l.id() + "/aterkoppling", "föreningar har svarat"},
                {"/brev/" + l.id() + "/forhandsvisning.html", "Valplanering"}}) {
            HttpResponse<String> r = h.get(page[0]);
            assertEquals(200, r.statusCode(), page[0] + ": " + r.body());
            assertTrue(r.body().contains(page[1]), page[0] + " shows " + page[1] + ": " + r.body());
        }
    }

    @Test
    void aLetterToABuiltInListShowsTheListsSwedishTitle() {
        Http h = signedIn();
        Letter l = fx.app.letters().create(LetterKind.TARGETED, null, List.of(), "all-chairs");
        for (String path : new String[] {"/brev", "/brev/" + l.id()}) {
            String body = h.get(path).body();
            assertTrue(body.contains("Alla ordförande"), path + ": " + body);
            assertFalse(body.contains(">all-chairs<") || body.contains("· all-chairs"), path + " shows no list code: " + body);
        }
    }

    @Test
    void badInputGetsAClearPageAndNothingChanges() {
        Http h = signedIn();
        Letter l = targeted();
        String csrf = h.csrf("/brev/" + l.id());
        HttpResponse<String> date = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", l.subject(), "deadline", "31/12");
        assertEquals(422, date.statusCode());
        assertTrue(date.body().contains("Datumet gick inte att läsa"), date.body());
        HttpResponse<String> past = h.post("/brev/" + l.id() + "/installningar", "csrf", csrf, "subject", l.subject(),
                "deadline", LocalDate.now().minusDays(3).toString());
        assertEquals(422, past.statusCode());
        assertTrue(past.body().contains("har redan passerat"), past.body());
        HttpResponse<String> empty = h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Rubrik", "body", "  ");
        assertEquals(422, empty.statusCode());
        HttpResponse<String> twoLines = h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Två\nrader", "body", "Text");
        assertEquals(422, twoLines.statusCode());
        assertEquals(0, fx.app.letters().get(l.id()).items().size());
        assertEquals(404, h.get("/brev/abc").statusCode());
        HttpResponse<String> missing = h.get("/brev/999999");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Det finns inget brev 999999"), missing.body());
        HttpResponse<String> time = h.post("/brev/" + l.id() + "/schemalagg", "csrf", csrf, "at", "i morgon");
        assertEquals(422, time.statusCode());
    }

    @Test
    void anItemsHtmlIsServedAsTextInASandbox() {
        Http h = signedIn();
        Letter l = targeted();
        h.post("/brev/" + l.id() + "/punkter", "csrf", h.csrf("/brev/" + l.id()), "heading", "<b>Rubrik</b>",
                "body", "Hej <script>alert(1)</script> <img src=x onerror=alert(2)>");
        HttpResponse<String> html = h.get("/brev/" + l.id() + "/forhandsvisning.html");
        assertFalse(html.body().contains("<script>alert"), html.body());
        assertFalse(html.body().contains("<img src=x"), html.body());
        assertTrue(html.body().contains("&lt;script&gt;"), html.body());
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
        HttpResponse<String> compose = h.get("/brev/" + l.id());
        assertFalse(compose.body().contains("<script>alert"), "the compose page escapes the item too");
        assertTrue(compose.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    void aStaleSendConfirmationIsRefused() {
        Http h = signedIn();
        Letter l = targeted();
        String csrf = h.csrf("/brev/" + l.id());
        h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Rubrik", "body", "Text");
        assertEquals(302, h.post("/brev/" + l.id() + "/godkann", "csrf", csrf).statusCode());
        HttpResponse<String> stale = h.post("/brev/" + l.id() + "/skicka", "csrf", csrf, "recipients", "1");
        assertEquals(409, stale.statusCode());
        assertEquals("APPROVED", fx.app.letters().get(l.id()).state().name(), "nothing was sent");
    }

    @Test
    void everyChangeIsAuditedUnderTheStaffMembersName() {
        Http h = signedIn();
        Letter l = targeted();
        String csrf = h.csrf("/brev/" + l.id());
        h.post("/brev/" + l.id() + "/punkter", "csrf", csrf, "heading", "Rubrik", "body", "Text");
        h.post("/brev/" + l.id() + "/godkann", "csrf", csrf);
        List<String> actions = fx.app.audit().recent(WebFixture.USER, null, null, 50).stream()
                .filter(e -> e.subject().equals("letter " + l.id())).map(e -> e.action()).toList();
        assertTrue(actions.contains("letter.item.add") && actions.contains("letter.approve"), actions.toString());
        assertTrue(fx.app.audit().recent(WebFixture.USER, "user.signin", null, 5).size() >= 1);
    }
}
