package se.utskick.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import se.utskick.users.SignInResult;
import se.utskick.users.Users;

/**
 * {@code /logga-in} and {@code /logga-ut}. Before there is a session the sign-in form is guarded
 * by a double-submit token: a random cookie {@code utskick_pre} that the form repeats in a hidden
 * field (a page elsewhere can make the browser post, but cannot read the cookie). A refused
 * sign-in says the same thing for an unknown user and a wrong password (401); a throttled one says
 * when to try again (429, Retry-After); one the server was too busy to check sheds the load with
 * 503 and Retry-After (the password was not checked and the attempt does not count). Sign-ins, refusals and sign-outs are audited by {@link Users} itself.
 */
final class SignInPages {
    static final String PRE_COOKIE = "utskick_pre";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Users users;
    private final Views views;
    private final WebConfig config;

    SignInPages(Users users, Views views, WebConfig config) {
        this.users = users;
        this.views = views;
        this.config = config;
    }

    void form(Context ctx) {
        if (Staff.of(ctx).isPresent() || users.session(ctx.cookie(StaffGate.COOKIE)).isPresent()) {
            ctx.redirect("/");
            return;
        }
        views.render(ctx, "signin.ftlh", Map.of("error", "", "username", ""));
    }

    void signIn(Context ctx) {
        String pre = ctx.cookie(PRE_COOKIE);
        String field = ctx.formParam("csrf");
        if (pre == null || field == null || !MessageDigest.isEqual(pre.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(HttpStatus.FORBIDDEN);
            views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.csrf", "username", ""));
            return;
        }
        String username = ctx.formParam("username") == null ? "" : ctx.formParam("username").strip();
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        SignInResult r = users.signIn(username, password.toCharArray(), ctx.ip());
        switch (r) {
            case SignInResult.SignedIn s -> {
                ctx.header("Set-Cookie", cookie(ctx, StaffGate.COOKIE, s.session().token(), -1));
                ctx.redirect("/");
            }
            case SignInResult.Refused x -> {
                ctx.status(HttpStatus.UNAUTHORIZED);
                views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.refused", "username", username));
            }
            case SignInResult.Throttled t -> {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
                views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.throttled", "username", username,
                        "minutes", Math.max(1, (t.retryAfter().toSeconds() + 59) / 60)));
            }
            case SignInResult.Busy b -> {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", Long.toString(Math.max(1, b.retryAfter().toSeconds())));
                views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.busy", "username", username));
            }
        }
    }

    void signOut(Context ctx) {
        users.signOut(ctx.cookie(StaffGate.COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, StaffGate.COOKIE, "", 0));
        ctx.redirect("/logga-in");
    }

    /**
     * The pre-session token for the sign-in form: the one in the request's cookie, or a new one set
     * on the response. Pages with a session use the session's token instead.
     */
    static String preSessionToken(Context ctx) {
        String t = ctx.cookie(PRE_COOKIE);
        if (t == null || !t.matches("[A-Za-z0-9_-]{43}")) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            ctx.res().addHeader("Set-Cookie", PRE_COOKIE + "=" + t + "; Path=/logga-in; HttpOnly; SameSite=Strict");
        }
        return t;
    }

    /** A cookie for the whole site: HttpOnly, SameSite=Strict, Secure unless plain HTTP is allowed for this request. */
    private String cookie(Context ctx, String name, String value, int maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/; HttpOnly; SameSite=Strict");
        if (config.secureCookies(ctx.scheme(), ctx.header("X-Forwarded-Proto"))) {
            c.append("; Secure");
        }
        if (maxAge >= 0) {
            c.append("; Max-Age=").append(maxAge);
        }
        return c.toString();
    }
}
