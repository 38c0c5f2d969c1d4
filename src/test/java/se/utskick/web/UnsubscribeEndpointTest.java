package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.replies.DeliveryDirectory;
import se.utskick.replies.MemberLookup;
import se.utskick.replies.Subscriptions;
import se.utskick.replies.Unsubscriber;

/**
 * Guards one-click unsubscribe (RFC 8058) over real HTTP: the POST unsubscribes with 200 and no
 * redirect; a GET never unsubscribes, it only shows the Swedish confirmation page; a forged token,
 * or the token of a board letter, changes nothing.
 */
class UnsubscribeEndpointTest {
    static final long MEMBER = 7;
    final Set<Long> unsubscribed = new HashSet<>();
    final Map<String, DeliveryDirectory.SentDelivery> tokens = Map.of(
            "mem7", new DeliveryDirectory.SentDelivery(1, 20, "MEMBERS", MEMBER, 3L, "m@example.com", "mem7@x"),
            "board7", new DeliveryDirectory.SentDelivery(2, 10, "BOARD", MEMBER, 3L, "m@example.com", "board7@x"));
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    WebServer server;

    @BeforeEach
    void start() {
        DeliveryDirectory deliveries = new DeliveryDirectory() {
            @Override
            public Optional<SentDelivery> byToken(String token) {
                return Optional.ofNullable(tokens.get(token));
            }

            @Override
            public Optional<SentDelivery> byMessageId(String messageId) {
                return Optional.empty();
            }
        };
        Subscriptions subscriptions = new Subscriptions() {
            @Override
            public void unsubscribe(long memberId) {
                unsubscribed.add(memberId);
            }

            @Override
            public void resubscribe(long memberId) {
                unsubscribed.remove(memberId);
            }
        };
        MemberLookup none = new MemberLookup() {
            @Override
            public Optional<Long> byEmail(String e) {
                return Optional.empty();
            }

            @Override
            public Optional<Long> byNumber(String n) {
                return Optional.empty();
            }
        };
        server = WebServer.start(new WebConfig("127.0.0.1", 0), new Unsubscriber(deliveries, subscriptions, none));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/u/" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/u/" + token)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void oneClickPostUnsubscribesWith200AndNoRedirect() throws Exception {
        HttpResponse<String> r = post("mem7", "List-Unsubscribe=One-Click");

        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Location").isEmpty());
        assertTrue(unsubscribed.contains(MEMBER));
    }

    @Test
    void secondOneClickPostIsHarmless() throws Exception {
        post("mem7", "List-Unsubscribe=One-Click");

        assertEquals(200, post("mem7", "List-Unsubscribe=One-Click").statusCode());
        assertTrue(unsubscribed.contains(MEMBER));
    }

    @Test
    void forgedTokenIs404AndChangesNothing() throws Exception {
        assertEquals(404, post("mem8", "List-Unsubscribe=One-Click").statusCode());
        assertEquals(404, post("mem7%3Cscript%3E", "List-Unsubscribe=One-Click").statusCode());
        assertEquals(404, get("x".repeat(300)).statusCode());
        assertTrue(unsubscribed.isEmpty());
    }

    @Test
    void boardLetterTokenDoesNotUnsubscribe() throws Exception {
        assertEquals(404, post("board7", "List-Unsubscribe=One-Click").statusCode());
        assertTrue(unsubscribed.isEmpty());
    }

    @Test
    void postWithoutTheOneClickBodyIsRefused() throws Exception {
        assertEquals(400, post("mem7", "").statusCode());
        assertEquals(400, post("mem7", "List-Unsubscribe=Yes").statusCode());
        assertTrue(unsubscribed.isEmpty());
    }

    @Test
    void getShowsASwedishConfirmationPageAndUnsubscribesNobody() throws Exception {
        HttpResponse<String> r = get("mem7");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("lang=\"sv\""));
        assertTrue(r.body().contains("Avsluta prenumerationen"));
        assertTrue(r.body().contains("<form method=\"post\" action=\"/u/mem7\">"));
        assertTrue(r.body().contains("name=\"List-Unsubscribe\" value=\"One-Click\""));
        assertFalse(r.body().contains("<script"));
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(unsubscribed.isEmpty());
    }

    @Test
    void theConfirmationFormsPostUnsubscribes() throws Exception {
        get("mem7");

        assertEquals(200, post("mem7", "List-Unsubscribe=One-Click").statusCode());
        assertTrue(unsubscribed.contains(MEMBER));
    }
}
