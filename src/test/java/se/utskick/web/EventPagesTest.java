package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.letters.Event;
import se.utskick.letters.EventState;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * Guards the events pages and the approval of events that associations send in: a PROPOSED event
 * is not in the members' letter (neither its event list nor its rendered preview) until it is
 * approved; adding and editing check the form as {@code events add} does, so a bad time, a
 * missing title or an unknown association answers 422 and stores nothing; every change is audited.
 */
class EventPagesTest {
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

    private static int anAssociation() {
        return fx.app.register().associationNames().keySet().stream().sorted().findFirst().orElseThrow().intValue();
    }

    private static List<String> eventsIn(Letter l) {
        return fx.app.letters().eventsOf(fx.app.letters().get(l.id())).stream().map(Event::title).toList();
    }

    @Test
    void aProposedEventIsNotInTheMembersLetterUntilApproved() {
        Http h = signedIn();
        Letter letter = fx.app.letters().create(LetterKind.MEMBERS, "2031-03", List.of(), null);
        fx.app.letters().addItemText(letter.id(), "Nytt i distriktet", "Text.");
        long id = fx.app.letters().events().add(anAssociation(), "Gatumöte på torget", LocalDateTime.parse("2031-03-08T11:00"), null,
                "Stora torget", "Vi delar ut flygblad.", EventState.PROPOSED);
        assertFalse(eventsIn(letter).contains("Gatumöte på torget"));
        String preview = "/brev/" + letter.id() + "/forhandsvisning.html";
        assertFalse(h.get(preview).body().contains("Gatumöte på torget"));
        HttpResponse<String> page = h.get("/arrangemang?fran=2031-03-01");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("/arrangemang/" + id + "/godkann"), "the proposed event waits with an approve button");
        assertEquals(400, h.get("/arrangemang?fran=mars").statusCode());

        assertEquals(302, h.post("/arrangemang/" + id + "/godkann", "csrf", h.csrf("/arrangemang")).statusCode());
        assertEquals(EventState.APPROVED, fx.app.letters().events().get(id).orElseThrow().state());
        assertTrue(eventsIn(letter).contains("Gatumöte på torget"));
        assertTrue(h.get(preview).body().contains("Gatumöte på torget"));
        assertTrue(fx.app.audit().recent(WebFixture.USER, "event.approve", null, 50).stream()
                .anyMatch(e -> e.subject().equals("event " + id)));
    }

    @Test
    void proposedEventsWaitAtTheTopOfTheEventsPage() {
        Http h = signedIn();
        LocalDateTime soon = LocalDateTime.now().plusDays(3).withHour(18).withMinute(0).withSecond(0).withNano(0);
        long id = fx.app.letters().events().add(null, "Temakväll om bostäder", soon, null, "Folkets hus", "", EventState.PROPOSED);
        HttpResponse<String> page = h.get("/arrangemang");
        assertEquals(200, page.statusCode(), page.body());
        String body = page.body();
        assertTrue(body.contains("/arrangemang/" + id + "/godkann"), body);
        assertTrue(body.indexOf("Temakväll om bostäder") < body.indexOf("Kommande"), "proposed events come first");
        HttpResponse<String> edit = h.get("/arrangemang/" + id);
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("Väntar på godkännande"), edit.body());
    }

    @Test
    void anEventAddedHereIsApprovedAndAudited() {
        Http h = signedIn();
        HttpResponse<String> r = h.post("/arrangemang", "csrf", h.csrf("/arrangemang"), "association", String.valueOf(anAssociation()),
                "title", "Första maj", "starts", "2031-05-01T10:00", "ends", "2031-05-01T14:00", "place", "Stortorget", "description", "Tåg.");
        assertEquals(302, r.statusCode(), r.body());
        Event e = fx.app.letters().events().listed(LocalDateTime.parse("2031-05-01T00:00"), LocalDateTime.parse("2031-05-02T00:00"))
                .stream().filter(x -> x.title().equals("Första maj")).findFirst().orElseThrow();
        assertEquals(EventState.APPROVED, e.state());
        assertEquals(LocalDateTime.parse("2031-05-01T14:00"), e.endsAt());
        assertTrue(fx.app.audit().recent(WebFixture.USER, "event.add", null, 50).stream().anyMatch(a -> a.subject().equals("event " + e.id())));
    }

    @Test
    void badEventInputAnswers422AndStoresNothing() {
        Http h = signedIn();
        String csrf = h.csrf("/arrangemang");
        Map<String, String[]> cases = Map.of(
                "Tiden 8 mars gick inte att läsa", new String[] {"", "Internationella kvinnodagen", "8 mars", "", "Torget"},
                "Tiden 2031-13-01T10:00 gick inte att läsa", new String[] {"", "Kvinnodagen", "2031-13-01T10:00", "", "Torget"},
                "slutar innan det börjar", new String[] {"", "Kvinnodagen", "2031-03-08T14:00", "2031-03-08T12:00", "Torget"},
                "behöver en rubrik", new String[] {"", "  ", "2031-03-08T14:00", "", "Torget"},
                "behöver en plats", new String[] {"", "Kvinnodagen", "2031-03-08T14:00", "", ""},
                "Föreningen finns inte", new String[] {"99999", "Kvinnodagen", "2031-03-08T14:00", "", "Torget"});
        for (var c : cases.entrySet()) {
            String[] f = c.getValue();
            HttpResponse<String> r = h.post("/arrangemang", "csrf", csrf, "association", f[0], "title", f[1], "starts", f[2],
                    "ends", f[3], "place", f[4], "description", "");
            assertEquals(422, r.statusCode(), c.getKey());
            assertTrue(r.body().contains(c.getKey()), c.getKey() + ": " + r.body());
        }
        assertTrue(fx.app.letters().events().listed(LocalDateTime.parse("2031-03-01T00:00"), LocalDateTime.parse("2031-04-01T00:00"))
                .stream().noneMatch(e -> e.title().contains("Kvinnodagen")));
    }

    @Test
    void editingAnEventChangesItAndABadEditChangesNothing() {
        Http h = signedIn();
        long id = fx.app.letters().events().add(null, "Öppet möte", LocalDateTime.parse("2031-06-10T19:00"), null, "Biblioteket", "");
        String page = "/arrangemang/" + id;
        String csrf = h.csrf(page);
        HttpResponse<String> bad = h.post(page, "csrf", csrf, "association", "", "title", "Öppet möte", "starts", "i morgon",
                "ends", "", "place", "Biblioteket", "description", "");
        assertEquals(422, bad.statusCode());
        assertEquals(LocalDateTime.parse("2031-06-10T19:00"), fx.app.letters().events().get(id).orElseThrow().startsAt());
        HttpResponse<String> good = h.post(page, "csrf", csrf, "association", "", "title", "Öppet möte om skolan",
                "starts", "2031-06-11T18:30", "ends", "", "place", "Biblioteket", "description", "Alla välkomna.");
        assertEquals(302, good.statusCode(), good.body());
        Event e = fx.app.letters().events().get(id).orElseThrow();
        assertEquals("Öppet möte om skolan", e.title());
        assertEquals(LocalDateTime.parse("2031-06-11T18:30"), e.startsAt());
        assertEquals(EventState.APPROVED, e.state(), "an edit keeps the state");
        assertTrue(fx.app.audit().recent(WebFixture.USER, "event.edit", null, 50).stream().anyMatch(a -> a.subject().equals("event " + id)));
        assertEquals(400, h.get("/arrangemang/99999999").statusCode());
    }
}
