package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.audit.AuditEntry;
import se.utskick.users.Totp;

/**
 * Guards the second sign-in step over real HTTP against the whole application: only the password
 * and then an unused code of the account's app (this step, or one step before or after) open a
 * session; the half-signed-in state between opens no page and ends after five minutes; wrong and
 * replayed codes are refused, audited and counted in the sign-in throttle; anything but six digits
 * gets the Swedish error without being counted; an account without a second factor cannot sign in.
 */
class SecondFactorTest {
    /** A clock the test sets; it starts 10 seconds into a 30-second step. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private TestClock clock;
    private WebFixture fx;

    @BeforeEach
    void start() {
        long step = Totp.step(Instant.now());
        clock = new TestClock(Instant.ofEpochSecond(step * Totp.STEP_SECONDS + 10));
        fx = new WebFixture(240, Map.of(), clock);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** The code of the fixture user's app {@code offset} steps from the test clock's now. */
    private String code(int offset) {
        return Totp.code(fx.totpSecret, clock.instant().plusSeconds(offset * Totp.STEP_SECONDS));
    }

    /** Six digits that are no code of the window around now. */
    private String wrongCode() {
        for (int n = 0; ; n++) {
            String c = String.format("%06d", n);
            if (!c.equals(code(-1)) && !c.equals(code(0)) && !c.equals(code(1))) {
                return c;
            }
        }
    }

    private Http passwordDone() {
        Http h = new Http(fx.base());
        HttpResponse<String> r = h.signIn(WebFixture.USER, WebFixture.PASSWORD);
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("/logga-in/kod", r.headers().firstValue("Location").orElse(""));
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(StaffGate.COOKIE + "=")),
                "the password alone sets no session cookie: " + r.headers().allValues("Set-Cookie"));
        return h;
    }

    private static void assertSignedIn(Http h) {
        assertEquals(200, h.get("/").statusCode(), "signed in");
    }

    private static void assertNotSignedIn(Http h) {
        HttpResponse<String> r = h.get("/");
        assertEquals(302, r.statusCode(), "not signed in");
        assertEquals("/logga-in", r.headers().firstValue("Location").orElse(""));
    }

    private List<AuditEntry> audit(String action) {
        return fx.app.audit().recent(null, action, null, 100).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void rightPasswordThenRightCodeSignsInAndOnlyThenIsAudited() {
        Http h = passwordDone();
        HttpResponse<String> page = h.get("/logga-in/kod");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Engångskod (6 siffror)") && page.body().contains("sex siffror som visas för Utskick"), page.body());
        assertTrue(page.body().contains("autocomplete=\"one-time-code\""), page.body());
        assertTrue(audit("user.signin").isEmpty(), "not signed in after the password");
        HttpResponse<String> r = h.code(code(0));
        assertEquals(302, r.statusCode(), r.body());
        assertEquals("/", r.headers().firstValue("Location").orElse(""));
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(StaffGate.COOKIE + "=")
                && c.contains("HttpOnly") && c.contains("SameSite=Strict")));
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SignInPages.PENDING_COOKIE + "=;")
                && c.contains("Max-Age=0")), "the pending cookie is cleared");
        assertSignedIn(h);
        assertEquals(1, audit("user.signin").size());
        assertEquals(302, h.get("/logga-in/kod").statusCode(), "the pending sign-in is used up");
    }

    @Test
    void wrongCodeIsRefusedAuditedAndCountedInTheSignInThrottle() {
        Http h = passwordDone();
        String wrong = wrongCode();
        HttpResponse<String> r = h.code(wrong);
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("Fel kod."), r.body());
        assertNotSignedIn(h);
        AuditEntry failed = audit("user.signin.totp-failed").getFirst();
        assertEquals("user " + WebFixture.USER, failed.subject());
        assertTrue(failed.detail().contains("wrong code"), failed.detail());
        assertTrue(audit("user.signin").isEmpty());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, h.code(wrong).statusCode(), "failure " + (i + 2));
        }
        HttpResponse<String> throttled = h.code(code(0));
        assertEquals(429, throttled.statusCode(), "five wrong codes throttle the name, the right code included");
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertTrue(throttled.body().contains("För många misslyckade försök"), throttled.body());
        assertEquals(429, new Http(fx.base()).signIn(WebFixture.USER, WebFixture.PASSWORD).statusCode(),
                "the same throttle as passwords: the password step is throttled too");
        assertNotSignedIn(h);
        assertEquals(5, audit("user.signin.totp-failed").size(), "a throttled attempt is not checked");
    }

    @Test
    void aRightPasswordDoesNotResetTheCountOfWrongCodes() {
        String wrong = wrongCode();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, passwordDone().code(wrong).statusCode(), "attempt " + i);
        }
        assertEquals(429, new Http(fx.base()).signIn(WebFixture.USER, WebFixture.PASSWORD).statusCode());
    }

    @Test
    void aReplayedCodeIsRefused() {
        String c = code(0);
        Http first = passwordDone();
        assertEquals(302, first.code(c).statusCode());
        assertSignedIn(first);
        Http second = passwordDone();
        HttpResponse<String> replay = second.code(c);
        assertEquals(401, replay.statusCode(), "the same code again, within its step");
        assertTrue(replay.body().contains("Fel kod."), replay.body());
        assertNotSignedIn(second);
        assertTrue(audit("user.signin.totp-failed").getFirst().detail().contains("already used"));
        assertEquals(401, second.code(code(-1)).statusCode(), "an earlier step's code after a later one was used");
        assertEquals(302, second.code(code(1)).statusCode(), "the next step's code is new");
        assertSignedIn(second);
    }

    @Test
    void codesOneStepOffAreAcceptedTwoAreNot() {
        Http h = passwordDone();
        assertEquals(401, h.code(code(-2)).statusCode(), "two steps before");
        assertEquals(401, h.code(code(2)).statusCode(), "two steps after");
        assertNotSignedIn(h);
        assertEquals(302, h.code(code(-1)).statusCode(), "one step before");
        assertSignedIn(h);
        Http later = passwordDone();
        assertEquals(302, later.code(code(1)).statusCode(), "one step after");
        assertSignedIn(later);
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS * 4));
        Http much = passwordDone();
        assertEquals(401, much.code(Totp.code(fx.totpSecret, clock.instant().minusSeconds(3 * Totp.STEP_SECONDS))).statusCode());
        assertEquals(302, much.code(code(0)).statusCode());
    }

    @Test
    void theHalfSignedInStateOpensNoPage() throws Exception {
        Http h = new Http(fx.base());
        HttpResponse<String> r = h.signIn(WebFixture.USER, WebFixture.PASSWORD);
        String pending = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SignInPages.PENDING_COOKIE + "="))
                .findFirst().orElseThrow().split("[=;]")[1];
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(SignInPages.PENDING_COOKIE + "=")
                && c.contains("Path=/logga-in;") && c.contains("HttpOnly") && c.contains("Max-Age=300")));
        for (String path : List.of("/", "/brev", "/register", "/listor", "/logg", "/arrangemang")) {
            HttpResponse<String> page = h.get(path);
            assertEquals(302, page.statusCode(), path);
            assertEquals("/logga-in", page.headers().firstValue("Location").orElse(""), path);
        }
        assertEquals(401, h.post("/brev", "kind", "TARGETED").statusCode());
        HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/", "/register")) {
            HttpResponse<String> forged = raw.send(HttpRequest.newBuilder(URI.create(fx.base() + path))
                    .header("Cookie", StaffGate.COOKIE + "=" + pending).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(302, forged.statusCode(), "the pending token sent as a session cookie opens nothing: " + path);
        }
        assertTrue(fx.app.users().session(pending).isEmpty());
        assertEquals(302, h.code(code(0)).statusCode(), "and it still works for its own step");
    }

    @Test
    void theHalfSignedInStateEndsAfterFiveMinutes() {
        Http h = passwordDone();
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(200, h.get("/logga-in/kod").statusCode(), "4:59 after the password");
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> gone = h.get("/logga-in/kod");
        assertEquals(302, gone.statusCode());
        assertEquals("/logga-in", gone.headers().firstValue("Location").orElse(""));
        HttpResponse<String> late = h.post("/logga-in/kod", "csrf", "x", "code", code(0));
        assertEquals(401, late.statusCode());
        assertTrue(late.body().contains("Inloggningen tog för lång tid"), late.body());
        assertNotSignedIn(h);
        assertTrue(audit("user.signin").isEmpty());
    }

    @Test
    void anythingButSixDigitsGetsTheSwedishErrorAndIsNotCounted() {
        Http h = passwordDone();
        for (String bad : new String[] {"abcdef", "12345", "1234567", "", "12345a", "１２３４５６", "9".repeat(10_000), "123456\n7"}) {
            HttpResponse<String> r = h.code(bad);
            assertEquals(422, r.statusCode(), "'" + bad.substring(0, Math.min(20, bad.length())) + "'");
            assertTrue(r.body().contains("Fel kod. Koden är sex siffror"), r.body());
            assertNotSignedIn(h);
        }
        assertTrue(audit("user.signin.totp-failed").isEmpty(), "not a code: nothing checked, nothing counted");
        String c = code(0);
        assertEquals(302, h.code(c.substring(0, 3) + " " + c.substring(3)).statusCode(), "'123 456' as apps show it is forgiven");
        assertSignedIn(h);
    }

    @Test
    void theCodeFormNeedsItsOwnCsrfToken() {
        Http h = passwordDone();
        HttpResponse<String> r = h.post("/logga-in/kod", "csrf", "fel", "code", code(0));
        assertEquals(403, r.statusCode());
        assertNotSignedIn(h);
        assertEquals(302, h.code(code(0)).statusCode(), "the refused post used up nothing");
    }

    @Test
    void anAccountWithoutASecondFactorCannotSignInAndIsToldWhatToDo() {
        fx.app.users().add("bo.b", "Bo", "ett långt lösenord".toCharArray());
        Http h = new Http(fx.base());
        HttpResponse<String> r = h.signIn("bo.b", "ett långt lösenord");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("Be administratören köra kommandot: utskick users totp-reset bo.b"), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(SignInPages.PENDING_COOKIE + "=")
                || c.startsWith(StaffGate.COOKIE + "=")));
        assertNotSignedIn(h);
        assertEquals(302, h.get("/logga-in/kod").statusCode());
        assertTrue(audit("user.signin.refused").getFirst().detail().contains("no second factor"));
    }

    @Test
    void resettingTheSecondFactorEndsSessionsAndPendingSignIns() {
        Http signedIn = passwordDone();
        assertEquals(302, signedIn.code(code(0)).statusCode());
        assertSignedIn(signedIn);
        Http pending = passwordDone();
        String old = code(1);
        String fresh = fx.app.users().resetTotp(WebFixture.USER).secret();
        assertNotSignedIn(signedIn);
        assertEquals(302, pending.get("/logga-in/kod").statusCode(), "the pending sign-in ended");
        Http again = passwordDone();
        assertEquals(401, again.code(old).statusCode(), "the old app entry no longer works");
        assertEquals(302, again.code(Totp.code(fresh, clock.instant())).statusCode());
        assertSignedIn(again);
    }
}
