package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.audience.NamedList;
import se.utskick.audience.Rule;
import se.utskick.audience.SavedLists.ListForm;
import se.utskick.audit.AuditException;

/**
 * Saved lists in the browser, through {@code Utskick.wire} and the real server: the lists page
 * shows Swedish names and rules (no {@code all-chairs}, no role codes); a preview shows whom the
 * list reaches and who is left out and why, saving nothing; saving, changing and deleting each
 * write their audit row; an empty name, a taken name and an unknown role answer 422 with the
 * Swedish text at the field and save nothing; a policy lead's area selects only that area's lead;
 * a change and its audit row commit or roll back together.
 */
class ListFormsTest {
    static WebFixture fx;
    static Http h;

    @BeforeAll
    static void start() {
        fx = new WebFixture(400);
        h = fx.signedIn();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String u(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean saved(String name) {
        return fx.app.audiences().lists().stream().anyMatch(l -> l.name().equals(name));
    }

    @Test
    void theListsPageSpeaksSwedish() {
        String body = h.get("/listor").body();
        assertTrue(body.contains(">Alla ordförande<"), body);
        assertFalse(body.contains(">all-chairs<"), "no list code as its name");
        assertFalse(body.contains("roller "), "no 'roller board-member, chair'");
        assertFalse(body.contains("board-member"), body);
        assertTrue(body.contains("Ordförande, Styrelseledamot och Medlemsansvarig"), body);
    }

    @Test
    void aPreviewShowsReachAndLeftOutAndSavesNothing() {
        String name = "Ordförande i Norr";
        HttpResponse<String> r = h.post("/listor/ny", "csrf", h.csrf("/listor/ny"), "name", name, "roles", "CHAIR",
                "regions", "NORTH", "action", "preview");
        assertEquals(200, r.statusCode(), r.body());
        int reach = fx.app.audiences().resolve(Rule.ofRoles("CHAIR").inRegions(List.of("NORTH")), false).recipients();
        assertTrue(reach > 0);
        assertTrue(r.body().contains("Når " + reach + " som brev till uppdrag"), r.body());
        assertTrue(r.body().contains("Ordförande i region Norr"), r.body());
        assertTrue(r.body().contains("Utelämnade"), r.body());
        assertFalse(saved(name), "a preview saves nothing");
    }

    @Test
    void aListIsCreatedChangedAndDeletedWithItsAuditRows() {
        String name = "Kassörer i Söder";
        HttpResponse<String> r = h.post("/listor/ny", "csrf", h.csrf("/listor/ny"), "name", name, "description", "Till kassörerna",
                "roles", "TREASURER", "regions", "SOUTH", "action", "save");
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("/listor/" + u(name) + "?klart=list-saved", r.headers().firstValue("Location").orElseThrow());
        NamedList l = fx.app.audiences().list(name);
        assertEquals(Rule.ofRoles("TREASURER").inRegions(List.of("SOUTH")), l.rule());
        String page = h.get("/listor/" + u(name) + "?klart=list-saved").body();
        assertTrue(page.contains("Sändlistan är sparad."), page);
        assertTrue(page.contains("Kassör i region Söder"), page);
        assertTrue(fx.app.audit().recent(WebFixture.USER, "list.create", null, 10).stream()
                .anyMatch(e -> e.detail().equals("role=TREASURER;region=SOUTH")));

        String edit = "/listor/" + u(name) + "/andra";
        assertTrue(h.get(edit).body().contains("value=\"TREASURER\" checked"));
        r = h.post(edit, "csrf", h.csrf(edit), "name", "Kassörer", "roles", "TREASURER", "action", "save");
        assertEquals(302, r.statusCode(), r.body());
        assertFalse(saved(name));
        assertEquals(Rule.ofRoles("TREASURER"), fx.app.audiences().list("Kassörer").rule());
        assertEquals(1, fx.app.audit().recent(WebFixture.USER, "list.update", null, 10).size());

        r = h.post("/listor/Kass%C3%B6rer/ta-bort", "csrf", h.csrf("/listor/Kass%C3%B6rer"));
        assertEquals(302, r.statusCode(), r.body());
        assertFalse(saved("Kassörer"));
        assertEquals(1, fx.app.audit().recent(WebFixture.USER, "list.delete", null, 10).size());
        assertEquals(404, h.get("/listor/Kass%C3%B6rer").statusCode());
        assertEquals(404, h.get("/listor/all-chairs/andra").statusCode(), "a built-in list cannot be changed");
    }

    @Test
    void badFormsAnswer422AtTheFieldAndSaveNothing() {
        int before = fx.app.audiences().lists().size();
        String csrf = h.csrf("/listor/ny");
        HttpResponse<String> empty = h.post("/listor/ny", "csrf", csrf, "name", "   ", "roles", "CHAIR", "action", "save");
        assertEquals(422, empty.statusCode());
        assertTrue(empty.body().contains("id=\"name-error\" role=\"alert\">Skriv ett namn på listan.</p>"), empty.body());
        assertTrue(empty.body().contains("value=\"CHAIR\" checked"), "the form keeps what was chosen");

        HttpResponse<String> role = h.post("/listor/ny", "csrf", csrf, "name", "Kungar", "roles", "KING", "action", "save");
        assertEquals(422, role.statusCode());
        assertTrue(role.body().contains("id=\"roles-error\" role=\"alert\">Okänt uppdrag (KING)."), role.body());
        assertTrue(role.body().contains("value=\"Kungar\""), "the name stays as typed");

        HttpResponse<String> builtIn = h.post("/listor/ny", "csrf", csrf, "name", "all-chairs", "action", "save");
        assertEquals(422, builtIn.statusCode());
        assertTrue(builtIn.body().contains("är namnet på en inbyggd lista"), builtIn.body());

        HttpResponse<String> region = h.post("/listor/ny", "csrf", csrf, "name", "Väst", "regions", "WEST", "action", "preview");
        assertEquals(422, region.statusCode());
        assertTrue(region.body().contains("id=\"regions-error\""), region.body());

        assertEquals(201 - 201 + before, fx.app.audiences().lists().size(), "nothing was saved");
        assertTrue(fx.app.audit().recent(WebFixture.USER, "list.create", null, 100).stream().noneMatch(e -> e.detail().contains("KING")));

        fx.app.savedLists().create("test", new ListForm("Dubblett", "", List.of("CHAIR"), List.of(), List.of(), List.of()));
        HttpResponse<String> taken = h.post("/listor/ny", "csrf", csrf, "name", "dubblett", "action", "save");
        assertEquals(422, taken.statusCode());
        assertTrue(taken.body().contains("Det finns redan en lista som heter ”dubblett”"), taken.body());
    }

    @Test
    void aPolicyAreaSelectsOnlyThatAreasLead() {
        String form = h.get("/listor/ny").body();
        assertTrue(form.contains("value=\"feminism\""), "the register's areas are offered");
        HttpResponse<String> r = h.post("/listor/ny", "csrf", h.csrf("/listor/ny"), "name", "Feminism", "areas", "feminism",
                "action", "save");
        assertEquals(302, r.statusCode(), r.body());
        Rule rule = fx.app.audiences().list("Feminism").rule();
        int expected = fx.db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(DISTINCT m.id) FROM member_role r JOIN member m ON m.id = r.member_id"
                    + " WHERE r.role = 'POLICY_LEAD' AND r.policy_area = 'feminism' AND m.status = 'ACTIVE' AND m.email_status = 'OK'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        int allLeads = fx.app.audiences().resolve(Rule.ofRoles("POLICY_LEAD"), false).recipients();
        assertEquals(expected, fx.app.audiences().resolve(rule, false).recipients());
        assertTrue(allLeads > expected, "fewer than all policy leads: " + allLeads + " vs " + expected);
        assertTrue(h.get("/listor").body().contains("Politikansvarig: feminism"));
    }

    @Test
    void theRegionFilterNarrowsAListsPage() {
        int north = fx.app.audiences().resolve(Rule.ofRoles("CHAIR").inRegions(List.of("NORTH")), false).recipients();
        String body = h.get("/listor/all-chairs?region=NORTH").body();
        assertTrue(body.contains(north + " mottagare om brevet skickas nu."), body);
    }

    @Test
    void aChangeAndItsAuditRowRollBackTogether() {
        ListForm f = new ListForm("Återställd", "", List.of("CHAIR"), List.of(), List.of(), List.of());
        assertThrows(AuditException.class, () -> fx.app.savedLists().create("x".repeat(65), f));
        assertFalse(saved("Återställd"), "the audit row failed, so the list was not saved either");
    }
}
