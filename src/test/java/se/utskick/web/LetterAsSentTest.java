package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
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
 * A sent letter is shown as it was sent, over HTTP on the real graph (GreenMail as the relay): after
 * it went out, an event is added to its weeks and a recipient unsubscribes; its page still gives the
 * number of recipients it was sent to and lists them with their outcomes, and the message shown for a
 * recipient is the one stored at approval (the event added later is not in it, the one it had is),
 * with the name frozen in their delivery row, the same text the relay received.
 */
class LetterAsSentTest {
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
    void aSentLetterShowsItsRecipientsAndMessagesAsSent() throws Exception {
        Letter l = fx.app.letters().create(LetterKind.MEMBERS, "2031-06", List.of(), null);
        fx.app.letters().addItemText(l.id(), "Sommarmöte", "Vi ses i juni.");
        fx.app.letters().events().add(null, "Midsommarfirande i parken", LocalDateTime.of(2031, 6, 20, 14, 0), null, "Karlstad", "");
        int approved = fx.app.letters().approve(l.id()).recipients();
        int sent = fx.app.delivery().send(l.id());
        assertEquals(approved, sent);
        long until = System.currentTimeMillis() + 60_000;
        while (fx.app.delivery().log().run(l.id()).map(r -> r.state() != SendRunState.FINISHED).orElse(true)) {
            assertTrue(System.currentTimeMillis() < until, "the letter is sent within a minute");
            Thread.sleep(200);
        }
        // the world moves on: an event added afterwards, a recipient who unsubscribes
        fx.app.letters().events().add(null, "Utflykt som lades till senare", LocalDateTime.of(2031, 6, 10, 10, 0), null, "Kil", "");
        LoggedDelivery first = fx.app.delivery().log().deliveries(l.id(), Optional.empty(), 1).getFirst();
        fx.app.register().setUnsubscribed(first.memberId(), true);
        assertEquals(sent - 1, fx.app.letters().reading().audienceNow(fx.app.letters().get(l.id())).recipients());

        Http h = fx.signedIn();
        HttpResponse<String> page = h.get("/brev/" + l.id());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(sent + " mottagare fick brevet när det skickades."), page.body());
        assertFalse(page.body().contains((sent - 1) + " mottagare om brevet skickas nu"), "not today's audience");
        assertTrue(page.body().contains("?leverans=" + first.id() + "#h-preview"), "the unsubscribed recipient is still listed");
        assertTrue(page.body().contains("Så här såg brevet ut när det skickades"), page.body());

        HttpResponse<String> html = h.get("/brev/" + l.id() + "/forhandsvisning.html?leverans=" + first.id());
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("Midsommarfirande i parken"), "the event it had");
        assertFalse(html.body().contains("Utflykt som lades till senare"), "an event added after sending is not in what was sent");
        String now = fx.app.letters().reading().preview(l.id(), null).message().html();
        assertTrue(now.contains("Midsommarfirande i parken"));

        var to = fx.app.delivery().log().sentTo(l.id(), first.id()).orElseThrow();
        assertTrue(page.body().contains(to.email()));
        String text = fx.app.letters().reading().asSent(l.id(), to.memberId(), to.email(), to.firstName(), to.lastName(), to.associationId())
                .message().text();
        assertTrue(text.contains(to.firstName()), "the name frozen in the delivery row");
        jakarta.mail.internet.MimeMessage received = java.util.Arrays.stream(fx.mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(to.email());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        String receivedText = textPart(received);
        String firstLine = text.lines().filter(s -> s.contains("Sommarmöte")).findFirst().orElseThrow();
        assertTrue(receivedText.contains(firstLine), "the relay got the same text: " + firstLine);
        assertTrue(receivedText.contains("Midsommarfirande i parken") && !receivedText.contains("Utflykt som lades till senare"));
    }

    private static String textPart(jakarta.mail.internet.MimeMessage m) throws Exception {
        jakarta.mail.Multipart mp = (jakarta.mail.Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType("text/plain")) {
                return (String) mp.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no text part");
    }
}
