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
 * right, code not given) is not a session: it opens nothing here. A READ_ONLY account's POSTs are
 * refused (403) except signing out; the one-time password links ({@link StaffPages#LINK_PATH}) are public.
 */
final class StaffGate {
    static final String COOKIE = "utskick_session";
    private final Users users;
    private final se.utskick.users.StaffAdmin staff;
    private final Texts texts;

    StaffGate(Users users, se.utskick.users.StaffAdmin staff, Texts texts) {
        this.users = users;
        this.staff = staff;
        this.texts = texts;
    }

    static boolean isPublic(String path) {
        return path.startsWith("/u/") || path.startsWith(AssociationPages.PREFIX) || path.startsWith("/static/")
                || path.startsWith(LetterWebPages.PREFIX) // webletter (issue 17): a sent members' letter behind its own password
                || path.equals("/logga-in") || path.equals(SignInPages.CODE_PATH)
                || path.equals("/favicon.ico") || path.startsWith(StaffPages.LINK_PATH)
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
                ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8").result(texts.get("gate.signedout"));
            }
            ctx.skipRemainingHandlers();
            return;
        }
        if (!ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD)) {
            String token = ctx.header("X-CSRF-Token");
            if (token == null) {
                try {
                    token = ctx.formParam("csrf");
                } catch (Exception e) { // a multipart body over the server's limit: Jetty's ServletException, thrown unchecked through Kotlin
                    ctx.status(HttpStatus.CONTENT_TOO_LARGE).contentType("text/plain; charset=utf-8").result(texts.get("gate.toolarge"));
                    ctx.skipRemainingHandlers();
                    return;
                }
            }
            if (!s.get().csrfMatches(token)) {
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                        .result(texts.get("gate.csrf"));
                ctx.skipRemainingHandlers();
                return;
            }
        }
        // admin (issue 16): a read-only account reads every page but changes nothing (it may sign out)
        se.utskick.users.StaffRole role = staff.role(s.get().user());
        if (!role.mayChange() && !ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD)
                && !ctx.path().equals("/logga-ut")) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                    .result(texts.get("gate.readonly"));
            ctx.skipRemainingHandlers();
            return;
        }
        Staff.set(ctx, s.get());
        Staff.setRole(ctx, role);
    }
}
