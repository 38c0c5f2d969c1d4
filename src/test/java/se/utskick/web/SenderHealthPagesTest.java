package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.delivery.SendRunState;
import se.utskick.delivery.SenderPool;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * Guards that a letter a sender paused (it could not be composed) shows why, in Swedish, on its
 * page, its sending page and the dashboard, and that the dashboard shows this node's sender workers.
 */
class SenderHealthPagesTest {
    @TempDir
    Path dir;

    @Test
    void aLetterPausedByASenderShowsItsReasonOnItsPagesAndTheDashboardShowsTheWorkers() throws Exception {
        try (WebFixture fx = new WebFixture(240)) {
            fx.senders.stop(Duration.ofSeconds(5));
            Letter l = fx.app.letters().create(LetterKind.MEMBERS, "2026-04", List.of(), null);
            fx.app.letters().addItem(l.id(), "Årsmöte", Files.writeString(dir.resolve("a.md"), "Välkommen!"));
            fx.app.letters().approve(l.id());
            fx.app.delivery().send(l.id());
            // the composer now refuses it: a sender must pause it, with the reason
            fx.db.withConnection(c -> c.createStatement().executeUpdate("UPDATE letter SET state = 'DRAFT' WHERE id = " + l.id()));
            SenderPool pool = fx.app.delivery().senders();
            pool.start();
            try {
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (fx.app.delivery().log().run(l.id()).orElseThrow().state() != SendRunState.PAUSED && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                Http h = fx.signedIn();
                HttpResponse<String> sending = h.get("/brev/" + l.id() + "/utskick");
                assertEquals(200, sending.statusCode());
                assertTrue(sending.body().contains("Utskicket pausades automatiskt") && sending.body().contains("is DRAFT")
                        && sending.body().contains("kunde inte sättas ihop"), sending.body());
                HttpResponse<String> page = h.get("/brev/" + l.id());
                assertTrue(page.body().contains("Utskicket pausades automatiskt") && page.body().contains("is DRAFT"), page.body());
                HttpResponse<String> dashboard = h.get("/");
                assertEquals(200, dashboard.statusCode());
                String d = dashboard.body();
                assertTrue(d.contains("Pausade utskick som behöver åtgärdas") && d.contains("is DRAFT"), d);
                assertTrue(d.contains("Avsändare i den här processen") && d.contains(pool.id() + "-w1"), d);
                assertTrue(d.contains("Senaste fel") && d.contains("cannot be composed"), d);
            } finally {
                pool.stop(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aLetterPausedBecauseTheRelayRefusedOurSenderSaysSoAndWhatToDoNotThatItCouldNotBeComposed() throws Exception {
        try (WebFixture fx = new WebFixture(240)) {
            fx.senders.stop(Duration.ofSeconds(5));
            Letter l = fx.app.letters().create(LetterKind.MEMBERS, "2026-04", List.of(), null);
            fx.app.letters().addItem(l.id(), "Årsmöte", Files.writeString(dir.resolve("a.md"), "Välkommen!"));
            fx.app.letters().approve(l.id());
            fx.app.delivery().send(l.id());
            // as a sender leaves it (VerdictsThroughTheGraphTest makes the real refusal through the graph)
            fx.db.withConnection(c -> c.createStatement().executeUpdate("UPDATE send_run SET state = 'PAUSED', pause_kind = "
                    + "'SENDER_REFUSED', pause_reason = '553 5.1.8 Sender address rejected: Domain not found' WHERE letter_id = " + l.id()));
            Http h = fx.signedIn();
            for (String path : List.of("/brev/" + l.id() + "/utskick", "/brev/" + l.id(), "/")) {
                String body = h.get(path).body();
                assertTrue(body.contains("vägrar ta emot brev från vår avsändaradress") && body.contains("553 5.1.8")
                        && !body.contains("kunde inte sättas ihop"), path + ": " + body);
            }
            String sending = h.get("/brev/" + l.id() + "/utskick").body();
            assertTrue(sending.contains("Rätta avsändaren") && sending.contains("Skicka om misslyckade"), sending);
        }
    }
}
