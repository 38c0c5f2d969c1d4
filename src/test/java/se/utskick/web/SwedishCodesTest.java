package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.audience.SavedLists.ListForm;
import se.utskick.schedule.ScheduledJob;

/**
 * Job names and audit actions in Swedish: every job the composition root schedules and every
 * action written by a web change has its bundle text, and the audit page shows the words, not the
 * codes (the code stays in the title attribute).
 */
class SwedishCodesTest {
    static WebFixture fx;
    static Http h;

    @BeforeAll
    static void start() {
        fx = new WebFixture(240);
        h = fx.signedIn();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void everyScheduledJobHasASwedishName() {
        ResourceBundle b = ResourceBundle.getBundle("web.messages", Locale.forLanguageTag("sv-SE"));
        List<ScheduledJob> jobs = fx.app.jobs();
        assertFalse(jobs.isEmpty());
        for (ScheduledJob j : jobs) {
            assertTrue(b.containsKey("job." + j.name()), "no Swedish name for the job " + j.name());
        }
    }

    @Test
    void theAuditPageShowsActionsInSwedish() {
        fx.app.savedLists().create(WebFixture.USER, new ListForm("Loggtest", "", List.of("CHAIR"), List.of(), List.of(), List.of()));
        String body = h.get("/logg").body();
        assertTrue(body.contains("<span title=\"list.create\">Sändlista skapad</span>"), body);
        assertTrue(body.contains("<span title=\"user.signin\">Inloggning</span>"), body);
        assertEquals(200, h.get("/logg?vad=list").statusCode());
    }
}
