package se.utskick.web;

import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import se.utskick.Utskick;
import se.utskick.UserError;
import se.utskick.UtskickException;
import se.utskick.schedule.Schedule;

/**
 * The ombudsman's web interface: the routes of every page, behind {@link StaffGate}. Server-rendered
 * (FreeMarker), Swedish texts from the bundle {@code web/messages}, every asset served from the
 * class path (no CDN), JavaScript only for the live parts (preview while typing, sending progress).
 *
 * <p>Paths are Swedish, as the users read them: {@code /brev} letters, {@code /svar} replies,
 * {@code /register}, {@code /listor}, {@code /arrangemang}, {@code /logg} the audit log.
 */
public final class WebUi {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebUi.class);
    private final Utskick app;
    private final Supplier<List<Schedule.JobStatus>> jobs;
    private final Views views;
    private final Texts texts;

    /**
     * @param jobs the scheduled jobs and their next run (the running node's schedule), or an empty
     *             list where this process runs no scheduler
     */
    public WebUi(Utskick app, Supplier<List<Schedule.JobStatus>> jobs) {
        this.app = app;
        this.jobs = jobs;
        this.texts = new Texts(Locale.forLanguageTag("sv-SE"));
        this.views = new Views(texts, app.letters().zone());
    }

    void routes(RoutesConfig r, WebConfig config) {
        StaffGate gate = new StaffGate(app.users(), app.staffAdmin(), texts);
        r.before(gate::before);
        StaticAssets assets = new StaticAssets();
        r.get("/static/{file}", assets::serve);
        SignInPages signIn = new SignInPages(app.users(), views, config);
        r.get("/logga-in", signIn::form);
        r.post("/logga-in", signIn::signIn);
        r.get(SignInPages.CODE_PATH, signIn::codeForm);
        r.post(SignInPages.CODE_PATH, signIn::code);
        r.post("/logga-ut", signIn::signOut);
        new DashboardPage(app.letters().reading(), app.delivery().log(), app.delivery(), app.replies().log(), app.register(),
                jobs, views).routes(r);
        new LetterPages(app.letters().drafts(), app.letters().approvals(), app.letters().reading(), app.audiences(), app.register(),
                app.delivery(), app.delivery().log(), app.audit(), app.letters().zone(), views, texts).routes(r);
        new SendingPages(app.delivery(), app.delivery().log(), app.delivery().pacing(), app.letters().reading(),
                app.replies().log(), app.audit(), views, texts).routes(r);
        new ReplyPages(app.replies().log(), app.letters().reading(), app.delivery().log(), app.audit(), views).routes(r);
        new RegisterPages(app.register(), app.memberSearch(), app.audit(), views, texts).routes(r);
        new ListPages(app.audiences(), app.savedLists(), app.register(), views, texts).routes(r);
        new RegisterImportPages(app.register(), app.audit(), views, texts).routes(r); // admin (issue 16)
        new StaffPages(app.staffAdmin(), app.users(), views, texts).routes(r); // admin (issue 16)
        new EventPages(app.letters().events(), app.register(), app.audit(), app.letters().zone(), views, texts).routes(r);
        new AuditPage(app.audit(), app.letters().zone(), views, texts).routes(r);
        new AssociationPages(app.associations(), views).routes(r);
        new AssociationStaffPages(app.associations(), views).routes(r);
        new LetterWebPages(app.letters(), views).routes(r); // webletter (issue 17): public, behind the letter's password
        r.exception(NumberFormatException.class, (e, ctx) -> problem(ctx, 404, texts.get("error.notfound")));
        r.exception(UserError.class, (e, ctx) -> problem(ctx, status(e), words(texts, e)));
        r.exception(UtskickException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            log.error("web: {} {} failed", ctx.method(), ctx.path(), e);
            problem(ctx, 500, texts.get("error.internal"));
        });
    }

    // --- typed user errors: the one mapping of se.utskick.UserError to the web (status and Swedish words) ---

    /** The HTTP status of a user error: NOT_FOUND 404, WRONG_STATE 409, INVALID_FIELD 422. */
    static int status(UserError e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case WRONG_STATE -> 409;
            case INVALID_FIELD -> 422;
        };
    }

    /** The Swedish sentence of a user error: its key in the bundle, formatted with its arguments. */
    static String words(Texts texts, UserError e) {
        Object[] args = e.args().stream().map(a -> a instanceof UserError.Words w ? texts.get(w.key()) : a).toArray();
        return texts.get(e.key(), args);
    }

    // --- end of typed user errors ---

    /** The largest upload the association pages take (the material bank's file limit). */
    int maxUploadBytes() {
        return app.associations().config().maxFileBytes();
    }

    /** An error page with {@code message}; the layout without navigation if the page failed before the gate. */
    private void problem(io.javalin.http.Context ctx, int status, String message) {
        ctx.status(status);
        try {
            views.render(ctx, "problem.ftlh", java.util.Map.of("message", message));
        } catch (RuntimeException e) {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }
}
