package se.utskick.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.utskick.users.Totp;

/**
 * Staff administration and strong sign-in, through {@code Utskick.wire} and the real server: an
 * administrator adds an ombudsman (bad username and unknown role refused at their field, nothing
 * added); the one-time link sets a password once (too short refused at the field); the new account
 * signs in with password and TOTP, a wrong and a replayed code are refused, a recovery code works
 * once; an ombudsman cannot reach staff administration; a read-only account reads but cannot POST;
 * resetting the second factor ends the account's sessions; an administrator cannot disable
 * themself; a disabled account cannot sign in. Every change is in the audit log.
 */
class StaffPagesTest {
    private static final String PASSWORD = "tre orelaterade ord";
    static WebFixture fx;
    static Http admin;

    @BeforeAll
    static void start() {
        fx = new WebFixture(240);
        admin = fx.signedIn();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static String group(String regex, String body) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), regex + " in " + body);
        return m.group(1);
    }

    private static List<String> codes(String body) {
        String list = group("(?s)<ul id=\"recovery-codes\">(.*?)</ul>", body);
        Matcher m = Pattern.compile("<code>([a-z0-9-]+)</code>").matcher(list);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static int users() {
        return fx.app.users().list().size();
    }

    @Test
    void theWholeLifeOfAStaffAccount() {
        int before = users();
        String csrf = admin.csrf("/personal");
        HttpResponse<String> bad = admin.post("/personal", "csrf", csrf, "username", "Anna K", "displayName", "Anna", "role", "OMBUDSMAN");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("id=\"username-error\" role=\"alert\">Användarnamnet ”Anna K” ska vara"), bad.body());
        HttpResponse<String> badRole = admin.post("/personal", "csrf", csrf, "username", "anna.k", "displayName", "Anna", "role", "KING");
        assertEquals(422, badRole.statusCode());
        assertTrue(badRole.body().contains("id=\"role-error\" role=\"alert\">Välj en av rollerna"), badRole.body());
        assertEquals(before, users(), "nothing was added");

        HttpResponse<String> added = admin.post("/personal", "csrf", csrf, "username", "anna.k", "displayName", "Anna Karlsson",
                "role", "OMBUDSMAN");
        assertEquals(200, added.statusCode(), added.body());
        String link = group("<code id=\"password-link\">https?://[^/]+(/konto/losenord/[A-Za-z0-9_-]+)</code>", added.body());
        String secret = group("<code id=\"totp-secret\">([A-Z2-7]+)</code>", added.body());
        List<String> recovery = codes(added.body());
        assertEquals(10, recovery.size());
        assertEquals(1, fx.app.audit().recent(WebFixture.USER, "user.add", null, 10).size());

        // the one-time link, opened without signing in
        Http anna = new Http(fx.base());
        assertEquals(200, anna.get(link).statusCode());
        HttpResponse<String> shortPw = anna.post(link, "password", "kort", "again", "kort");
        assertEquals(422, shortPw.statusCode());
        assertTrue(shortPw.body().contains("id=\"password-error\" role=\"alert\">Lösenordet ska vara minst 12 tecken."), shortPw.body());
        assertEquals(200, anna.post(link, "password", PASSWORD, "again", PASSWORD).statusCode());
        assertEquals(404, anna.post(link, "password", PASSWORD + "x", "again", PASSWORD + "x").statusCode(), "the link works once");

        // password and TOTP; a wrong code and a replayed one are refused
        String code = Totp.code(secret, Instant.now());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assertEquals(302, anna.signIn("anna.k", PASSWORD).statusCode());
        assertEquals(401, anna.code(wrong).statusCode(), "a wrong code");
        assertEquals(302, anna.code(code).statusCode(), "the right code");
        assertEquals(200, anna.get("/").statusCode());
        Http replay = new Http(fx.base());
        assertEquals(302, replay.signIn("anna.k", PASSWORD).statusCode());
        assertEquals(401, replay.code(code).statusCode(), "the same code again is a replay");

        // a recovery code works once
        assertEquals(302, replay.code(recovery.getFirst()).statusCode(), "a recovery code instead of the app's code");
        assertEquals(200, replay.get("/brev").statusCode());
        Http again = new Http(fx.base());
        assertEquals(302, again.signIn("anna.k", PASSWORD).statusCode());
        assertEquals(401, again.code(recovery.getFirst()).statusCode(), "a used recovery code");
        assertTrue(fx.app.audit().recent("anna.k", "user.signin", null, 10).stream().anyMatch(e -> e.detail().contains("recovery code")));

        // roles: an ombudsman has no staff administration; read-only reads but cannot change
        assertEquals(403, anna.get("/personal").statusCode());
        assertFalse(anna.get("/").body().contains("href=\"/personal\""), "no staff link for an ombudsman");
        assertEquals(302, admin.post("/personal/anna.k/roll", "csrf", admin.csrf("/personal"), "role", "READ_ONLY").statusCode());
        assertEquals(200, anna.get("/listor").statusCode());
        HttpResponse<String> post = anna.post("/listor/ny", "csrf", anna.csrf("/listor/ny"), "name", "Läsaren", "action", "save");
        assertEquals(403, post.statusCode());
        assertFalse(fx.app.audiences().lists().stream().anyMatch(l -> l.name().equals("Läsaren")));

        // resetting the second factor ends her sessions
        HttpResponse<String> reset = admin.post("/personal/anna.k/tvafaktor", "csrf", admin.csrf("/personal"));
        assertEquals(200, reset.statusCode());
        assertEquals(10, codes(reset.body()).size());
        assertEquals(302, anna.get("/").statusCode(), "signed out by the reset");
        assertEquals(302, replay.get("/").statusCode(), "every session");
        assertEquals(1, fx.app.audit().recent(WebFixture.USER, "user.totp-reset", null, 10).size());

        // an administrator cannot disable themself; a disabled account cannot sign in
        assertEquals(409, admin.post("/personal/" + WebFixture.USER + "/inaktivera", "csrf", admin.csrf("/personal")).statusCode());
        assertEquals(302, admin.post("/personal/anna.k/inaktivera", "csrf", admin.csrf("/personal")).statusCode());
        assertEquals(401, new Http(fx.base()).signIn("anna.k", PASSWORD).statusCode());
        assertEquals(1, fx.app.audit().recent(WebFixture.USER, "user.disable", null, 10).size());
    }
}
