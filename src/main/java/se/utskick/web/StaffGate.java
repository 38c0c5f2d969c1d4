package se.utskick.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import se.utskick.users.Session;
import se.utskick.users.Users;

/**
 * The door of the interface, run before every request. Public: the members' unsubscribe pages
 * ({@code /u/...}), the association pages ({@code /forening/...}, opened by their token, with their own CSRF guard), the static assets and the sign-in page. Everything else needs a valid session
 * cookie (else: a redirect to sign-in for GET, 401 for anything else), and every POST must carry
 * the session's CSRF token in the form field {@code csrf} or the header {@code X-CSRF-Token}
 * (else 403, nothing changed). The sign-in form itself is protected by a pre-session token
 * ({@link SignInPages}), the code page by the pending sign-in's token. A pending sign-in (password
 * right, code not given) is not a session: it opens nothing here.
 */
final class StaffGate {
    static final String COOKIE = "utskick_session";
    private final Users users;

    StaffGate(Users users) {
        this.users = users;
    }

    static boolean isPublic(String path) {
        return path.startsWith("/u/") || path.startsWith(AssociationPages.PREFIX) || path.startsWith("/static/") || path.equals("/logga-in") || path.equals(SignInPages.CODE_PATH)
                || path.equals("/favicon.ico")
                || path.equals("/health") || path.equals("/metrics");
    }

    void before(Context ctx) {
        if (isPublic(ctx.path())) {
            return;
        }
        Optional<Session> s = users.session(ctx.cookie(COOKIE));
        if (s.isEmpty()) {
            if (ctx.method().equals(HandlerType.GET)) {
                ctx.redirect("/logga-in");
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).result("Inte inloggad.");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (!ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD)) {
            String token = ctx.header("X-CSRF-Token");
            if (token == null) {
                token = ctx.formParam("csrf");
            }
            if (!s.get().csrfMatches(token)) {
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                        .result("Formuläret saknar eller har fel säkerhetstecken (CSRF). Ladda om sidan och försök igen.");
                ctx.skipRemainingHandlers();
                return;
            }
        }
        Staff.set(ctx, s.get());
    }
}
