package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.db.Database;
import se.utskick.delivery.DeliveryTokens;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.register.SampleRegister;
import se.utskick.web.WebConfig;
import se.utskick.web.WebServer;

/**
 * Issue 12, finding 5: with a real secret configured, tokens computed with the shipped demo secret
 * (which anyone can read in the repository) are worth nothing: a forged one-click unsubscribe for a
 * real delivery of a sent members' letter answers 404 and unsubscribes nobody, while the link the
 * member actually received still works. The graph is the real one (wire), the letter really sent
 * through the outbox to GreenMail, the request real HTTP.
 */
class DemoSecretTokensTest {
    private GreenMail mail;
    private Database db;
    private Utskick app;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("svar@varmland.example.org", "svar@varmland.example.org", "hemligt");
        db = TestDatabase.fresh();
        SampleRegister.load(db, 300, SampleRegister.DEFAULT_SEED);
        app = Utskick.wire(Config.of(GreenMailConfig.of(mail, "svar@varmland.example.org", "hemligt")), db);
    }

    @AfterEach
    void stop() {
        app.delivery().senders().stop();
        db.close();
        mail.stop();
    }

    @Test
    void forgedUnsubscribeWithTheDemoSecretDoesNothingWhenARealSecretIsConfigured(@TempDir Path dir) throws Exception {
        Letter members = app.letters().create(LetterKind.MEMBERS, "2026-03", List.of(), null);
        app.letters().addItem(members.id(), "Nytt i distriktet", Files.writeString(dir.resolve("m.md"), "Hej alla!"));
        List<MimeMessage> received = send(members);
        MimeMessage one = received.get(0);
        String email = ((InternetAddress) one.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        String realToken = tokenOf(one.getHeader("List-Unsubscribe", null));
        long deliveryId = new DeliveryTokens(app.keyring()).verify(realToken).orElseThrow();

        String forged = new DeliveryTokens(Keyring.of(Keyring.DEMO_SECRET)).issue(deliveryId);
        assertFalse(forged.equals(realToken));
        try (WebServer web = WebServer.start(new WebConfig("127.0.0.1", 0), app.replies().unsubscriber())) {
            assertEquals(404, post(web, forged).statusCode(), "a token signed with the demo secret is not ours");
            assertFalse(isUnsubscribed(email), "the forged request unsubscribed nobody");

            assertEquals(200, post(web, realToken).statusCode(), "the member's own link still works");
            assertTrue(isUnsubscribed(email));
        }
    }

    private static HttpResponse<String> post(WebServer web, String token) throws Exception {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/u/" + token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<MimeMessage> send(Letter letter) throws Exception {
        app.letters().approve(letter.id());
        int frozen = app.delivery().send(letter.id());
        app.delivery().senders().start();
        try {
            assertTrue(mail.waitForIncomingEmail(60_000, frozen), "expected " + frozen + " messages");
            long end = System.nanoTime() + 30_000_000_000L;
            while (app.letters().get(letter.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        } finally {
            app.delivery().senders().stop();
        }
        return List.of(mail.getReceivedMessages());
    }

    private static String tokenOf(String listUnsubscribe) {
        Matcher m = Pattern.compile("<https://[^>]*/u/([^>]+)>").matcher(String.valueOf(listUnsubscribe));
        assertTrue(m.find(), listUnsubscribe);
        return m.group(1);
    }

    private boolean isUnsubscribed(String email) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT unsubscribed_at FROM member WHERE email = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getTimestamp(1) != null;
                }
            }
        });
    }
}
