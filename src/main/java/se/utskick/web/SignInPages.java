package se.utskick.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import se.utskick.users.CodeResult;
import se.utskick.users.PendingSignIn;
import se.utskick.users.SignInResult;
import se.utskick.users.Users;

/**
 * {@code /logga-in}, {@code /logga-in/kod} and {@code /logga-ut}. Sign-in takes two steps: the
 * password form, whose success sets only the pending sign-in's cookie {@code utskick_pending}
 * (path {@code /logga-in}, 5 minutes) and leads to the code page; the code page, guarded by the
 * pending sign-in's own CSRF token, whose right code sets the session cookie. A wrong or replayed
 * code answers 401 "Fel kod", anything but six digits 422, a throttled one 429; an account without
 * a second factor is refused at the password step (403) with the command that enrols it. Before there is a session the sign-in form is guarded
 * by a double-submit token: a random cookie {@code utskick_pre} that the form repeats in a hidden
 * field (a page elsewhere can make the browser post, but cannot read the cookie). A refused
 * sign-in says the same thing for an unknown user and a wrong password (401); a throttled one says
 * when to try again (429, Retry-After); one the server was too busy to check sheds the load with
 * 503 and Retry-After (the password was not checked and the attempt does not count). Sign-ins, refusals and sign-outs are audited by {@link Users} itself.
 */
final class SignInPages {
    static final String PRE_COOKIE = "utskick_pre";
    /** The pending sign-in's token (password right, code due), sent only to the sign-in pages. */
    static final String PENDING_COOKIE = "utskick_pending";
    static final String CODE_PATH = "/logga-in/kod";
    private static final String PENDING_PATH = "/logga-in";
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
            case SignInResult.CodeNeeded c -> {
                ctx.res().addHeader("Set-Cookie", cookie(ctx, PENDING_COOKIE, c.pending().token(), PENDING_PATH,
                        (int) Users.PENDING_LIFETIME.toSeconds()));
                ctx.redirect(CODE_PATH);
            }
            case SignInResult.NotEnrolled n -> {
                ctx.status(HttpStatus.FORBIDDEN);
                views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.notenrolled", "username", username,
                        "arg", n.username()));
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

    /** The code page of a pending sign-in; without one (expired, used, never), back to the password form. */
    void codeForm(Context ctx) {
        Optional<PendingSignIn> p = users.pending(ctx.cookie(PENDING_COOKIE));
        if (p.isEmpty()) {
            ctx.redirect("/logga-in");
            return;
        }
        renderCode(ctx, p.get(), "");
    }

    /** The code step: CSRF of the pending sign-in, then {@link Users#verifyCode}. */
    void code(Context ctx) {
        String token = ctx.cookie(PENDING_COOKIE);
        Optional<PendingSignIn> p = users.pending(token);
        if (p.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            ctx.res().addHeader("Set-Cookie", cookie(ctx, PENDING_COOKIE, "", PENDING_PATH, 0));
            views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.expired", "username", ""));
            return;
        }
        if (!p.get().csrfMatches(ctx.formParam("csrf"))) {
            ctx.status(HttpStatus.FORBIDDEN);
            renderCode(ctx, p.get(), "signin.error.csrf");
            return;
        }
        String typed = ctx.formParam("code");
        CodeResult r = Users.looksLikeRecoveryCode(typed) ? users.verifyRecoveryCode(token, typed, ctx.ip()) // admin (issue 16)
                : users.verifyCode(token, typed, ctx.ip());
        switch (r) {
            case CodeResult.SignedIn s -> {
                ctx.res().addHeader("Set-Cookie", cookie(ctx, PENDING_COOKIE, "", PENDING_PATH, 0));
                ctx.res().addHeader("Set-Cookie", cookie(ctx, StaffGate.COOKIE, s.session().token(), "/", -1));
                ctx.redirect("/");
            }
            case CodeResult.Malformed m -> {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                renderCode(ctx, p.get(), "signin.code.error.format");
            }
            case CodeResult.WrongCode w -> {
                ctx.status(HttpStatus.UNAUTHORIZED);
                renderCode(ctx, p.get(), "signin.code.error");
            }
            case CodeResult.Throttled t -> {
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
                views.render(ctx, "signin-code.ftlh", Map.of("error", "signin.error.throttled", "csrf", p.get().csrfToken(),
                        "minutes", Math.max(1, (t.retryAfter().toSeconds() + 59) / 60)));
            }
            case CodeResult.Expired x -> {
                ctx.status(HttpStatus.UNAUTHORIZED);
                views.render(ctx, "signin.ftlh", Map.of("error", "signin.error.expired", "username", ""));
            }
        }
    }

    private void renderCode(Context ctx, PendingSignIn p, String error) {
        views.render(ctx, "signin-code.ftlh", Map.of("error", error, "csrf", p.csrfToken()));
    }

    void signOut(Context ctx) {
        users.signOut(ctx.cookie(StaffGate.COOKIE));
        ctx.header("Set-Cookie", cookie(ctx, StaffGate.COOKIE, "", "/", 0));
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

    /** A cookie for {@code path}: HttpOnly, SameSite=Strict, Secure unless plain HTTP is allowed for this request. */
    private String cookie(Context ctx, String name, String value, String path, int maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=").append(path)
                .append("; HttpOnly; SameSite=Strict");
        if (config.secureCookies(ctx.scheme(), ctx.header("X-Forwarded-Proto"))) {
            c.append("; Secure");
        }
        if (maxAge >= 0) {
            c.append("; Max-Age=").append(maxAge);
        }
        return c.toString();
    }
}
