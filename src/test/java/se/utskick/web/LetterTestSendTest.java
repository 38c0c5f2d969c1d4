package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.audience.Audiences;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * The compose page's test send and preview by name, over HTTP on the real graph ({@code Utskick.wire},
 * GreenMail as the relay): a member found by a part of their name can be previewed; a test send of
 * the draft, rendered for that member, reaches the typed address through SMTP with "[Provutskick]"
 * first in the subject, makes no delivery, and is in the audit log as a test; a bad address is refused
 * at its field and nothing is sent.
 */
class LetterTestSendTest {
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
    void aMemberFoundByNameGetsTheTestSendAtTheTypedAddress() throws Exception {
        Http h = fx.signedIn();
        Letter l = fx.app.letters().create(LetterKind.MEMBERS, "2031-04", List.of(), null);
        fx.app.letters().addItemText(l.id(), "Vårens studiecirkel", "Vi läser **tillsammans** i vår.");
        Audiences.NamedRecipient someone = fx.app.letters().reading().recipientsNamed(l.id(), "a", 1).getFirst();
        String part = someone.lastName().substring(0, Math.min(4, someone.lastName().length())).toLowerCase();
        HttpResponse<String> search = h.get("/brev/" + l.id() + "?namn=" + java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("?medlem=" + someone.memberNumber() + "\""), search.body());
        HttpResponse<String> preview = h.get("/brev/" + l.id() + "?medlem=" + someone.memberNumber());
        assertTrue(preview.body().contains(someone.firstName() + " " + someone.lastName()), "the preview is for the member found");

        String csrf = h.csrf("/brev/" + l.id());
        HttpResponse<String> sent = h.post("/brev/" + l.id() + "/provutskick", "csrf", csrf, "medlem", someone.memberNumber(),
                "adress", "granskare@provlasning.example.net");
        assertEquals(302, sent.statusCode(), sent.body());
        assertEquals("/brev/" + l.id() + "?medlem=" + someone.memberNumber() + "&klart=test-sent", sent.headers().firstValue("Location").orElse(""));
        assertTrue(fx.mail.waitForIncomingEmail(10_000, 1));
        MimeMessage m = Arrays.stream(fx.mail.getReceivedMessages())
                .filter(x -> {
                    try {
                        return Arrays.stream(x.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains("granskare@provlasning.example.net"));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElseThrow();
        assertTrue(m.getSubject().startsWith("[Provutskick] "), m.getSubject());
        assertTrue(m.getHeader("To")[0].contains(someone.firstName()), "rendered for the chosen member: " + m.getHeader("To")[0]);
        String raw = new String(m.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(raw.contains("studiecirkel"), raw);
        assertTrue(fx.app.delivery().log().run(l.id()).isEmpty(), "a test send makes no delivery");
        assertEquals(se.utskick.letters.LetterState.DRAFT, fx.app.letters().get(l.id()).state());
        var audit = fx.app.audit().recent(WebFixture.USER, "letter.test-send", null, 5);
        assertTrue(audit.stream().anyMatch(e -> e.subject().equals("letter " + l.id()) && e.detail().contains(someone.memberNumber())
                && e.detail().endsWith("sent")), audit.toString());
        assertTrue(h.get(sent.headers().firstValue("Location").orElseThrow()).body().contains("Provutskicket är skickat."));
    }

    @Test
    void aBadAddressIsRefusedAtItsFieldAndNothingIsSent() {
        Http h = fx.signedIn();
        Letter l = fx.app.letters().create(LetterKind.MEMBERS, "2031-05", List.of(), null);
        fx.app.letters().addItemText(l.id(), "Rubrik", "Text.");
        int before = fx.mail.getReceivedMessages().length;
        String csrf = h.csrf("/brev/" + l.id());
        HttpResponse<String> r = h.post("/brev/" + l.id() + "/provutskick", "csrf", csrf, "medlem", "", "adress", "inte en adress");
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("id=\"address-error\" role=\"alert\">Skriv en e-postadress"), r.body());
        assertTrue(r.body().contains("value=\"inte en adress\""), "the typed address is kept");
        assertEquals(before, fx.mail.getReceivedMessages().length);
        assertFalse(fx.app.audit().recent(WebFixture.USER, "letter.test-send", null, 50).stream()
                .anyMatch(e -> e.subject().equals("letter " + l.id())));
    }
}
