package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.utskick.associations.Associations;
import se.utskick.associations.EventKind;
import se.utskick.associations.Material;
import se.utskick.associations.MaterialBank;
import se.utskick.associations.MaterialKind;
import se.utskick.associations.PageAccess;
import se.utskick.associations.PageException;

/**
 * {@code /forening/{token}}: the page of one association, opened by the personal link in a board
 * letter or targeted mailing, without an account. Public (exempt from {@link StaffGate}); the
 * token is the only key, and it opens only its own association: a forged, expired, revoked or
 * otherwise unusable token gets the same 404 page, which names nothing. Its forms are guarded by a
 * double-submit token (a random cookie {@code utskick_forening}, path {@code /forening/}, that each
 * form repeats); a POST without it is refused with 403 and changes nothing. A refused input is
 * shown in Swedish with 422 and nothing is stored. Files are served as attachments with their
 * checked type only.
 */
final class AssociationPages {
    static final String PREFIX = "/forening/";
    private static final String COOKIE = "utskick_forening";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Associations associations;
    private final Views views;

    AssociationPages(Associations associations, Views views) {
        this.associations = associations;
        this.views = views;
    }

    void routes(RoutesConfig r) {
        r.get(PREFIX + "{token}", this::page);
        r.post(PREFIX + "{token}/svar", this::answer);
        r.post(PREFIX + "{token}/arrangemang", this::event);
        r.post(PREFIX + "{token}/material", this::upload);
        r.get(PREFIX + "{token}/material/{id}", this::file);
    }

    private void page(Context ctx) {
        Optional<PageAccess> a = associations.visit(ctx.pathParam("token"));
        if (a.isEmpty()) {
            gone(ctx);
            return;
        }
        if (a.get().officer()) {
            views.render(ctx, "association-officer.ftlh", Map.of("a", a.get(), "members", associations.membersToFix(a.get()),
                    "csrf", csrf(ctx)));
            return;
        }
        render(ctx, a.get(), "", Map.of());
    }

    private void answer(Context ctx) {
        act(ctx, a -> {
            associations.answer(a, Long.parseLong(orEmpty(ctx.formParam("letter"), "0")), ctx.formParam("answer"));
            return "assoc-answer";
        }, "#svar");
    }

    private void event(Context ctx) {
        act(ctx, a -> {
            associations.proposeEvent(a, new Associations.EventInput(ctx.formParam("title"), ctx.formParam("starts"),
                    ctx.formParam("ends"), ctx.formParam("place"), ctx.formParam("description"), ctx.formParam("kind")));
            return "assoc-event";
        }, "#arrangemang");
    }

    private void upload(Context ctx) {
        act(ctx, a -> {
            associations.bank().upload(a, upload(ctx, associations.config().maxFileBytes()));
            return "assoc-material";
        }, "#bank");
    }

    /** The material form's fields and file; a file larger than {@code max} is refused before it is read whole. */
    static MaterialBank.Upload upload(Context ctx, int max) {
        UploadedFile f;
        try {
            f = ctx.uploadedFile("file");
        } catch (Exception e) { // a body over the multipart limit: Jetty's ServletException, unchecked through Kotlin
            throw PageException.field("file", "assoc.error.file.received", "the upload could not be received", max / (1024 * 1024));
        }
        byte[] content = null;
        String name = null;
        if (f != null && f.size() > 0) {
            if (f.size() > max) {
                throw PageException.field("file", "assoc.error.file.large", "the file is too large", max / (1024 * 1024));
            }
            try (InputStream in = f.content()) {
                content = in.readNBytes(max + 1);
            } catch (IOException e) {
                throw PageException.field("file", "assoc.error.file.unreadable", "the upload could not be read");
            }
            name = f.filename();
        }
        return new MaterialBank.Upload(ctx.formParam("kind"), ctx.formParam("title"), ctx.formParam("text"), name, content);
    }

    private void file(Context ctx) {
        Optional<PageAccess> a = associations.access(ctx.pathParam("token"));
        if (a.isEmpty()) {
            gone(ctx);
            return;
        }
        Optional<Material> m = associations.bank().get(Long.parseLong(ctx.pathParam("id")));
        Optional<byte[]> bytes = m.flatMap(x -> associations.bank().file(x, a.get().associationId()));
        if (bytes.isEmpty()) {
            ctx.status(404);
            views.render(ctx, "association-gone.ftlh", Map.of("what", "file"));
            return;
        }
        send(ctx, m.get(), bytes.get());
    }

    /** A stored file: as an attachment, with its checked type, never sniffed, in a sandbox should a browser show it anyway. */
    static void send(Context ctx, Material m, byte[] bytes) {
        ctx.header("Content-Disposition", "attachment; filename=\"material-" + m.id() + "." + m.extension() + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.contentType(m.contentType()).result(bytes);
    }

    @FunctionalInterface
    private interface Action {
        String run(PageAccess a);
    }

    private void act(Context ctx, Action action, String anchor) {
        String token = ctx.pathParam("token");
        boolean csrf;
        try {
            csrf = csrfMatches(ctx);
        } catch (Exception e) { // Jetty's ServletException comes through Kotlin unchecked
            // the multipart body could not be read: larger than the server takes at all
            ctx.status(HttpStatus.CONTENT_TOO_LARGE).contentType("text/plain; charset=utf-8").result(views.texts().get("assoc.error.file.server", associations.config().maxFileBytes() / (1024 * 1024)));
            return;
        }
        if (!csrf) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                    .result(views.texts().get("assoc.error.csrf"));
            return;
        }
        Optional<PageAccess> a = associations.access(token);
        if (a.isEmpty()) {
            gone(ctx);
            return;
        }
        try {
            String done = action.run(a.get());
            ctx.redirect(PREFIX + token + "?klart=" + done + anchor);
        } catch (PageException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            Map<String, Object> form = new HashMap<>();
            ctx.formParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
            render(ctx, a.get(), WebUi.words(views.texts(), e), form);
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, a.get(), views.texts().get("assoc.error.question.gone"), Map.of());
        }
    }

    private void render(Context ctx, PageAccess a, String error, Map<String, Object> form) {
        Map<String, Object> m = new HashMap<>();
        m.put("csrf", csrf(ctx));
        m.put("token", ctx.pathParam("token"));
        m.put("a", a);
        m.put("error", error);
        m.put("form", form);
        var q = associations.question(a.associationId());
        m.put("question", q.orElse(null));
        m.put("questionOpen", q.map(associations::open).orElse(false));
        m.put("answers", q.map(x -> associations.answers(x.letterId(), a.associationId())).orElse(java.util.List.of()));
        m.put("events", associations.events(a.associationId()));
        m.put("eventKinds", EventKind.values());
        m.put("materialKinds", MaterialKind.values());
        var outreach = associations.outreach(associations.thisYear());
        m.put("outreach", outreach);
        m.put("tally", outreach.rows().stream().filter(r -> r.associationId() == a.associationId()).findFirst().orElse(null));
        String kind = ctx.queryParam("typ");
        String text = ctx.queryParam("sok");
        m.put("kind", kind == null ? "" : kind);
        m.put("search", text == null ? "" : text);
        try {
            m.put("bank", associations.bank().search(kind, text));
        } catch (PageException e) {
            m.put("bank", associations.bank().search(null, text));
        }
        m.put("own", associations.bank().ofAssociation(a.associationId()));
        m.put("maxMb", associations.config().maxFileBytes() / (1024 * 1024));
        m.put("done", Flash.take(ctx));
        views.render(ctx, "association-page.ftlh", m);
    }

    private void gone(Context ctx) {
        ctx.status(404);
        views.render(ctx, "association-gone.ftlh", Map.of("what", "link"));
    }

    private static String csrf(Context ctx) {
        String t = ctx.cookie(COOKIE);
        if (t == null || !t.matches("[A-Za-z0-9_-]{43}")) {
            byte[] b = new byte[32];
            RANDOM.nextBytes(b);
            t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + t + "; Path=" + PREFIX + "; HttpOnly; SameSite=Strict");
        }
        return t;
    }

    private static boolean csrfMatches(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam("csrf");
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    private static String orEmpty(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s.strip();
    }
}
