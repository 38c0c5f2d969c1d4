package se.utskick.web;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.UtskickException;
import se.utskick.health.NodeHealth;
import se.utskick.health.Operations;
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
     * As above, and when {@code ops} is not null: {@code GET /health}, no sign-in, 200 when the node
     * can work and 503 when it cannot, with each part's state as JSON (no personal data); and
     * {@code GET /metrics} in Prometheus text for a bearer of the metrics token (404 when no token
     * is configured, 401 without the right one, 503 when the database does not answer).
     */
    public static WebServer start(WebConfig config, Unsubscriber unsubscriber, WebUi ui, Operations ops) {
        UnsubscribePages pages = new UnsubscribePages(unsubscriber);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.bind();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = ui == null ? 16 * 1024 : 512 * 1024;
            // uploads: the register export at /register/import (up to 50 MB) and the material bank's files
            // on the association pages (their limit plus room for the form's fields); each page checks its own limit
            long uploadBytes = Math.max(50L * 1024 * 1024, ui == null ? 0 : ui.maxUploadBytes() + 256L * 1024);
            cfg.jetty.multipartConfig.maxFileSize(uploadBytes, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(uploadBytes, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            cfg.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", ctx.path().startsWith("/u/") ? UNSUBSCRIBE_CSP : UI_CSP);
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Cache-Control", "no-store");
            });
            cfg.routes.get("/u/{token}", pages::confirm);
            cfg.routes.post("/u/{token}", pages::unsubscribe);
            if (ops != null) {
                cfg.routes.get("/health", ctx -> {
                    NodeHealth.Report r = ops.health().report();
                    ctx.status(r.up() ? 200 : 503).contentType("application/json").result(r.json());
                });
                cfg.routes.get("/metrics", ctx -> metrics(ops, ctx));
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

    private static void metrics(Operations ops, io.javalin.http.Context ctx) {
        if (ops.metricsToken().isEmpty()) {
            ctx.status(404).result("");
        } else if (!ops.mayScrape(ctx.header("Authorization"))) {
            ctx.status(401).header("WWW-Authenticate", "Bearer").result("");
        } else {
            try {
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(ops.metrics().scrape());
            } catch (java.sql.SQLException | RuntimeException e) {
                log.warn("metrics: the database did not answer: {}", e.getClass().getSimpleName());
                ctx.status(503).result("");
            }
        }
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
