package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.audit.AuditEntry;
import se.utskick.register.AddressProblems;
import se.utskick.register.EmailStatus;
import se.utskick.register.MemberCard;
import se.utskick.register.MemberView;

/**
 * Guards the register and list pages: search finds a member by number, by name and by address and
 * binds the term (SQL wildcards and quotes are plain text); a corrected address is checked as the
 * import checks it, so a bad one answers 422 and changes nothing, and a good one is stored
 * normalised with status OK and audited by member id without the address; unsubscribe and
 * resubscribe change the members' letter and are audited; the association and list pages render.
 */
class RegisterPagesTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = new WebFixture(300);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Http signedIn() {
        return fx.signedIn();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static MemberView withProblem(EmailStatus status) {
        return fx.app.register().missingEmail(Optional.empty()).stream().filter(m -> m.emailStatus() == status).findFirst()
                .orElseThrow(() -> new AssertionError("the sample register has no member with status " + status));
    }

    private static MemberCard card(long id) {
        return fx.app.register().directory().member(id).orElseThrow();
    }

    @Test
    void searchFindsAMemberByNumberByNameAndByAddress() {
        Http h = signedIn();
        MemberView m = fx.app.register().members(fx.app.register().associationNames().values().iterator().next()).getFirst();
        String link = "/register/medlem/" + m.id();
        HttpResponse<String> byNumber = h.get("/register?q=" + q(m.number()));
        assertEquals(200, byNumber.statusCode());
        assertTrue(byNumber.body().contains(link), byNumber.body());
        assertTrue(h.get("/register?q=" + q(m.firstName() + " " + m.lastName())).body().contains(link));
        assertTrue(h.get("/register?q=" + q(m.lastName().toUpperCase())).body().contains(link), "any case");
        if (m.email() != null) {
            assertTrue(h.get("/register?q=" + q(m.email())).body().contains(link));
        }
    }

    @Test
    void searchTermsAreDataNotSql() {
        Http h = signedIn();
        HttpResponse<String> wildcard = h.get("/register?q=" + q("%"));
        assertEquals(200, wildcard.statusCode());
        assertTrue(wildcard.body().contains("Ingen medlem matchar"), "a % matches a literal %, not everyone");
        HttpResponse<String> quote = h.get("/register?q=" + q("' OR 1=1 -- "));
        assertEquals(200, quote.statusCode());
        assertTrue(quote.body().contains("Ingen medlem matchar"), quote.body());
        assertFalse(h.get("/register").body().contains("/register/medlem/"), "no term and no association lists nobody");
        assertEquals(404, h.get("/register?forening=abc").statusCode());
    }

    @Test
    void anAssociationsMembersAreListedFromTheDashboardLink() {
        Http h = signedIn();
        AddressProblems p = fx.app.register().addressProblems().stream().filter(a -> a.members() > 0).findFirst().orElseThrow();
        HttpResponse<String> r = h.get("/register?forening=" + p.associationId());
        assertEquals(200, r.statusCode());
        MemberView one = fx.app.register().members(p.association()).getFirst();
        assertTrue(r.body().contains("/register/medlem/" + one.id()), r.body());
    }

    @Test
    void aBadCorrectionIsRefusedWith422AndChangesNothing() {
        Http h = signedIn();
        MemberView m = withProblem(EmailStatus.INVALID);
        String page = "/register/medlem/" + m.id();
        String csrf = h.csrf(page);
        for (String bad : new String[] {"anna.example.org", "anna@exempel", "an na@example.org", "a@b@example.org", "  "}) {
            HttpResponse<String> r = h.post(page + "/adress", "csrf", csrf, "email", bad);
            assertEquals(422, r.statusCode(), bad);
            assertTrue(r.body().contains("Inget har ändrats"), r.body());
            MemberCard after = card(m.id());
            assertEquals(EmailStatus.INVALID, after.member().emailStatus(), bad);
            assertEquals(m.email(), after.member().email(), bad);
        }
        assertTrue(fx.app.audit().recent(null, "member.address", null, 100).stream().noneMatch(e -> e.subject().equals("member " + m.id())));
    }

    @Test
    void aGoodCorrectionClearsTheProblemAndIsAuditedWithoutTheAddress() {
        Http h = signedIn();
        MemberView m = withProblem(EmailStatus.MISSING);
        String page = "/register/medlem/" + m.id();
        HttpResponse<String> r = h.post(page + "/adress", "csrf", h.csrf(page), "email", "  Rattad.Adress@Exempel.SE ");
        assertEquals(302, r.statusCode(), r.body());
        MemberCard after = card(m.id());
        assertEquals(EmailStatus.OK, after.member().emailStatus());
        assertEquals("Rattad.Adress@exempel.se", after.member().email(), "normalised as the import does: trimmed, domain lower-cased");
        assertEquals(null, after.member().emailReason());
        HttpResponse<String> shown = h.get(r.headers().firstValue("Location").orElseThrow());
        assertTrue(shown.body().contains("Adressen är rättad."), shown.body());
        assertTrue(shown.body().contains("skriver över rättelsen"), "the page says a re-import may undo it");
        List<AuditEntry> audit = fx.app.audit().recent(WebFixture.USER, "member.address", null, 100).stream()
                .filter(e -> e.subject().equals("member " + m.id())).toList();
        assertEquals(1, audit.size());
        assertFalse(audit.getFirst().detail().toLowerCase().contains("rattad"), audit.getFirst().detail());
        assertFalse(audit.getFirst().detail().contains("@"));
    }

    @Test
    void unsubscribeAndResubscribeChangeTheMembersLetterAndAreAudited() {
        Http h = signedIn();
        MemberView m = fx.app.register().members(fx.app.register().associationNames().values().iterator().next()).getLast();
        String page = "/register/medlem/" + m.id();
        String csrf = h.csrf(page);
        assertEquals(302, h.post(page + "/avregistrera", "csrf", csrf).statusCode());
        assertTrue(card(m.id()).unsubscribed());
        assertTrue(h.get(page).body().contains("Registrera för medlemsbrevet igen"));
        assertEquals(302, h.post(page + "/aterregistrera", "csrf", csrf).statusCode());
        assertFalse(card(m.id()).unsubscribed());
        List<String> actions = fx.app.audit().recent(WebFixture.USER, "member", null, 100).stream()
                .filter(e -> e.subject().equals("member " + m.id())).map(AuditEntry::action).toList();
        assertTrue(actions.contains("member.unsubscribe") && actions.contains("member.resubscribe"), actions.toString());
        assertEquals(403, h.post(page + "/avregistrera").statusCode(), "no CSRF token, no change");
        assertFalse(card(m.id()).unsubscribed());
    }

    @Test
    void memberAssociationAndListPagesRender() {
        Http h = signedIn();
        MemberView m = withProblem(EmailStatus.INVALID);
        HttpResponse<String> member = h.get("/register/medlem/" + m.id());
        assertEquals(200, member.statusCode(), member.body());
        assertTrue(member.body().contains(m.number()) && member.body().contains("Felaktig"), member.body());
        int associationId = card(m.id()).associationId();
        HttpResponse<String> association = h.get("/foreningar/" + associationId);
        assertEquals(200, association.statusCode(), association.body());
        assertTrue(association.body().contains("Ordförande"), association.body());
        HttpResponse<String> lists = h.get("/listor");
        assertEquals(200, lists.statusCode(), lists.body());
        assertTrue(lists.body().contains("all-boards") && lists.body().contains("Som medlemsbrev"), lists.body());
        HttpResponse<String> list = h.get("/listor/all-chairs");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("name=\"list\" value=\"all-chairs\""), "a form that creates a letter for the list");
        int chairs = fx.app.audiences().resolve(fx.app.audiences().list("all-chairs").rule(), false).recipients();
        assertTrue(chairs > 0 && list.body().contains(chairs + " mottagare om brevet skickas nu."), list.body());
        assertEquals(200, h.get("/listor/all-members?medlemsbrev=ja").statusCode());
        assertEquals(404, h.get("/listor/ingen-sadan").statusCode());
        assertEquals(400, h.get("/register/medlem/99999999").statusCode());
        assertEquals(400, h.get("/foreningar/99999").statusCode());
    }

    /** Issue 12, finding 8: the member page's "Registerutdrag" downloads everything held about the member, audited. */
    @Test
    void memberPageDownloadsTheRegisterExtractAndAuditsIt() {
        Http h = signedIn();
        MemberView m = fx.app.register().members(fx.app.register().associationNames().values().iterator().next()).getFirst();
        String page = "/register/medlem/" + m.id();
        assertTrue(h.get(page).body().contains("Ladda ner registerutdrag (JSON)"), "the button is on the page");
        String csrf = h.csrf(page);
        assertEquals(403, h.post(page + "/utdrag").statusCode(), "no CSRF token, no download");
        HttpResponse<String> r = h.post(page + "/utdrag", "csrf", csrf);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains("registerutdrag-medlem-" + m.id() + ".json"),
                r.headers().toString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        assertTrue(r.body().contains("\"member_number\": \"" + m.number() + "\"") && r.body().contains("\"deliveries\""), r.body());
        List<AuditEntry> audit = fx.app.audit().recent(WebFixture.USER, "member.export", null, 100).stream()
                .filter(e -> e.subject().equals("member " + m.id())).toList();
        assertEquals(1, audit.size());
    }
}
