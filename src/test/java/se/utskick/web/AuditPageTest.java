package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the audit log page: newest first; filters by who, by what (an action or its first word) and
 * from which day; a day that cannot be read answers 422 and shows no rows; the log's text is escaped.
 */
class AuditPageTest {
    static WebFixture fx;

    @BeforeAll
    static void start() {
        fx = new WebFixture(300);
        fx.app.audit().record("cli:anna", "letter.approve", "letter 41", "12 recipients");
        fx.app.audit().record("cli:bertil", "member.address", "member 7", "was INVALID, now OK");
        fx.app.audit().record("cli:anna", "event.add", "event 3", "<b>fet</b>");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Http signedIn() {
        return fx.signedIn();
    }

    @Test
    void theLogShowsTheNewestFirstAndEscapesItsText() {
        String body = signedIn().get("/logg").body();
        assertTrue(body.indexOf("event 3") < body.indexOf("member 7") && body.indexOf("member 7") < body.indexOf("letter 41"), body);
        assertFalse(body.contains("<b>fet</b>"), body);
        assertTrue(body.contains("&lt;b&gt;fet&lt;/b&gt;"), body);
    }

    @Test
    void theLogFiltersByWhoByWhatAndBySince() {
        Http h = signedIn();
        String anna = h.get("/logg?vem=cli:anna").body();
        assertTrue(anna.contains("letter 41") && anna.contains("event 3") && !anna.contains("member 7"), anna);
        String members = h.get("/logg?vad=member").body();
        assertTrue(members.contains("member 7") && !members.contains("letter 41") && !members.contains("event 3"), members);
        String exact = h.get("/logg?vem=cli:anna&vad=letter.approve").body();
        assertTrue(exact.contains("letter 41") && !exact.contains("event 3"), exact);
        assertTrue(h.get("/logg?sedan=" + LocalDate.now().minusDays(1)).body().contains("member 7"));
        String future = h.get("/logg?sedan=" + LocalDate.now().plusDays(2)).body();
        assertFalse(future.contains("member 7"), future);
        assertTrue(future.contains("Inga poster."), future);
    }

    @Test
    void anUnreadableDayAnswers422WithoutRows() {
        HttpResponse<String> r = signedIn().get("/logg?sedan=i%20g%C3%A5r");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("Datumet i går gick inte att läsa"), r.body());
        assertFalse(r.body().contains("letter 41"), r.body());
    }
}
