package se.utskick.web;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.health.NodeHealth;
import se.utskick.replies.Unsubscriber;

/**
 * The embedded HTTP server: the members' unsubscribe pages and, in {@code serve} and the demo, the
 * staff's web interface ({@link WebUi}). Lifecycle: {@link #start} binds and serves on Jetty's threads until
 * {@link #close}. Every response forbids framing and referrers (the URLs carry tokens).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);
    private final Javalin app;

    private WebServer(Javalin app) {
        this.app = app;
    }

    private static final String UNSUBSCRIBE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    private static final String UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** Only the members' unsubscribe pages. */
    public static WebServer start(WebConfig config, Unsubscriber unsubscriber) {
        return start(config, unsubscriber, null);
    }

    /** The unsubscribe pages and, when {@code ui} is not null, the staff's web interface. */
    public static WebServer start(WebConfig config, Unsubscriber unsubscriber, WebUi ui) {
        return start(config, unsubscriber, ui, null);
    }

    /**
     * As above, and when {@code health} is not null {@code GET /health}: no sign-in, 200 when the
     * node can work and 503 when it cannot, with each part's state as JSON (no personal data).
     */
    public static WebServer start(WebConfig config, Unsubscriber unsubscriber, WebUi ui, NodeHealth health) {
        UnsubscribePages pages = new UnsubscribePages(unsubscriber);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = ui == null ? 16 * 1024 : 512 * 1024;
            cfg.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", ctx.path().startsWith("/u/") ? UNSUBSCRIBE_CSP : UI_CSP);
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
            });
            cfg.routes.get("/u/{token}", pages::confirm);
            cfg.routes.post("/u/{token}", pages::unsubscribe);
            if (health != null) {
                cfg.routes.get("/health", ctx -> {
                    NodeHealth.Report r = health.report();
                    ctx.status(r.up() ? 200 : 503).contentType("application/json").result(r.json());
                });
            }
            if (ui != null) {
                ui.routes(cfg.routes, config);
            }
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new UtskickException("cannot start the web server on " + config.bind() + ":" + config.port() + ": "
                    + e.getMessage() + " (set web.bind and web.port)", e);
        }
        log.info("web server listening on {}:{}", config.bind(), app.port());
        return new WebServer(app);
    }

    /** The port actually bound (useful with {@code web.port = 0}). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
