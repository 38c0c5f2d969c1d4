package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.utskick.delivery.LetterComposer.ComposedMessage;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.letters.Letters;

/**
 * {@code /brevet/{id}}: a sent members' letter on the web ("Läs brevet i webbläsaren"), public, no
 * account. GET shows a password form and the earlier sent members' letters (title and month only);
 * POST with the website password that this very letter carries shows the letter, composed for
 * nobody (a generic greeting, no name, no association, no unsubscribe link: nothing personal).
 * Each letter opens with its own password only: the password is the month's, and an old month's
 * password must not open a newer letter. A wrong password shows the Swedish error and nothing of
 * the letter; after {@link PasswordAttempts#MAX} wrong ones from one address the letter answers 429
 * for a while (even to the right password). A draft, a letter not yet sent, a letter of another kind or one without a password is
 * 404. The POST changes nothing, so it needs no CSRF token; the letter is served under a sandboxed
 * CSP (inline styles only, no scripts, not framed).
 */
final class LetterWebPages {
    static final String PREFIX = "/brevet/";
    private static final String LETTER_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; "
            + "frame-ancestors 'none'";
    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", java.util.Locale.forLanguageTag("sv"));
    private final Letters letters;
    private final Views views;
    private final PasswordAttempts attempts = new PasswordAttempts(java.time.Clock.systemUTC());

    LetterWebPages(Letters letters, Views views) {
        this.letters = letters;
        this.views = views;
    }

    void routes(RoutesConfig r) {
        r.get(PREFIX + "{id}", this::form);
        r.post(PREFIX + "{id}", this::open);
    }

    private void form(Context ctx) {
        Optional<Letter> l = letter(ctx);
        if (l.isEmpty()) {
            gone(ctx);
            return;
        }
        page(ctx, l.get(), "");
    }

    private void open(Context ctx) {
        Optional<Letter> l = letter(ctx);
        if (l.isEmpty()) {
            gone(ctx);
            return;
        }
        String key = ctx.ip() + " " + l.get().id();
        if (!attempts.allowed(key)) {
            ctx.status(429);
            page(ctx, l.get(), "many");
            return;
        }
        String given = ctx.formParam("password");
        if (given == null || !MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                l.get().websitePassword().strip().getBytes(StandardCharsets.UTF_8))) {
            attempts.failed(key);
            ctx.status(403);
            page(ctx, l.get(), "wrong");
            return;
        }
        Optional<ComposedMessage> m = letters.reading().forEveryone(l.get().id(), views.texts().get("webletter.greeting"),
                views.texts().get("webletter.unsubscribe"));
        if (m.isEmpty()) {
            gone(ctx);
            return;
        }
        ctx.header("Content-Security-Policy", LETTER_CSP);
        ctx.contentType("text/html; charset=utf-8").result(m.get().html());
    }

    /** @param problem "", "wrong" (a wrong password) or "many" (too many wrong ones from here) */
    private void page(Context ctx, Letter l, String problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("letter", row(l));
        model.put("problem", problem);
        model.put("earlier", letters.reading().recent(LetterKind.MEMBERS, 24).stream()
                .filter(x -> x.id() != l.id() && visible(x)).map(LetterWebPages::row).toList());
        views.render(ctx, "web-letter.ftlh", model);
    }

    private static Map<String, Object> row(Letter l) {
        return Map.of("id", l.id(), "title", l.subject() == null || l.subject().isBlank() ? l.kind().title() : l.subject(),
                "month", l.period() == null ? "" : MONTH.format(l.period()));
    }

    private Optional<Letter> letter(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(letters.reading().get(id)).filter(LetterWebPages::visible);
        } catch (se.utskick.letters.LetterNotFound e) {
            return Optional.empty();
        }
    }

    /** A members' letter with a password that has gone out (or is going out). */
    static boolean visible(Letter l) {
        return l.kind() == LetterKind.MEMBERS && l.websitePassword() != null && !l.websitePassword().isBlank()
                && (l.state() == LetterState.SENDING || l.state() == LetterState.SENT);
    }

    private void gone(Context ctx) {
        ctx.status(404);
        views.render(ctx, "web-letter.ftlh", Map.of("gone", true, "earlier", List.of(), "problem", ""));
    }
}
