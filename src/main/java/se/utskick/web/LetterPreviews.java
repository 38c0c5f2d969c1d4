package se.utskick.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.delivery.DeliveryLog;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterReading;
import se.utskick.letters.Preview;

/**
 * The letter as one recipient gets it. {@code GET /brev/{id}/forhandsvisning.html} serves the HTML
 * part on its own, with a CSP {@code sandbox} and no script source, inside an {@code <iframe
 * sandbox>} on the compose page: whatever an item says, nothing in it runs with our origin.
 * {@code POST /brev/{id}/forhandsvisning} is the live preview while an item is being written: it
 * renders the unsaved text (nothing is stored) and answers the HTML part ({@code del=html}) or
 * the text part ({@code del=text}).
 */
final class LetterPreviews {
    static final String SANDBOX_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'";
    private final LetterReading letters;
    private final DeliveryLog deliveries;
    private final Texts texts;

    LetterPreviews(LetterReading letters, DeliveryLog deliveries, Texts texts) {
        this.letters = letters;
        this.deliveries = deliveries;
        this.texts = texts;
    }

    /** The Swedish words of a refusal; a service's other errors keep their own message. */
    private String words(UtskickException e) {
        return e instanceof se.utskick.UserError u ? WebUi.words(texts, u) : e.getMessage();
    }

    void routes(RoutesConfig r) {
        r.get("/brev/{id}/forhandsvisning.html", this::html);
        r.post("/brev/{id}/forhandsvisning", this::live);
    }

    /** For the compose page: the text part, headers and who it is for, or the reason there is no preview. */
    Map<String, Object> forPage(Letter l, String memberNumber, String delivery) {
        try {
            AsSent sent = asSent(l, delivery);
            Preview p = sent != null ? sent.preview() : letters.preview(l.id(), memberNumber.isEmpty() ? null : memberNumber);
            String query = sent != null ? "?leverans=" + sent.deliveryId()
                    : memberNumber.isEmpty() ? "" : "?medlem=" + java.net.URLEncoder.encode(memberNumber, java.nio.charset.StandardCharsets.UTF_8);
            return Map.of("ok", true, "text", p.message().text(), "headers", p.headers(),
                    "name", (p.member().firstName() + " " + p.member().lastName()).strip(), "query", query, "asSent", sent != null);
        } catch (UtskickException e) {
            return Map.of("ok", false, "error", words(e));
        }
    }

    private record AsSent(long deliveryId, Preview preview) {
    }

    /**
     * For a letter that was sent: the message one recipient was sent (delivery {@code delivery}, or the
     * first), from the renderings stored at approval and the recipient as frozen in the delivery row;
     * null for a letter not sent.
     */
    private AsSent asSent(Letter l, String delivery) {
        if (l.state() == se.utskick.letters.LetterState.DRAFT || l.state() == se.utskick.letters.LetterState.APPROVED
                || l.state() == se.utskick.letters.LetterState.SCHEDULED) {
            return null;
        }
        long id;
        if (delivery != null && delivery.matches("\\d{1,18}")) {
            id = Long.parseLong(delivery);
        } else {
            var first = deliveries.deliveries(l.id(), java.util.Optional.empty(), 1);
            if (first.isEmpty()) {
                return null;
            }
            id = first.getFirst().id();
        }
        var to = deliveries.sentTo(l.id(), id).orElseThrow(() -> new se.utskick.letters.LetterNotFound(l.id() + "/" + delivery));
        return new AsSent(id, letters.asSent(l.id(), to.memberId() == null ? 0 : to.memberId(), to.email(),
                to.firstName(), to.lastName(), to.associationId()));
    }

    private void html(Context ctx) {
        String member = ctx.queryParam("medlem");
        try {
            long id = LetterPages.id(ctx);
            AsSent sent = asSent(letters.get(id), ctx.queryParam("leverans"));
            Preview p = sent != null ? sent.preview() : letters.preview(id, member == null || member.isBlank() ? null : member.strip());
            sandboxed(ctx).result(p.message().html());
        } catch (UtskickException e) {
            sandboxed(ctx).status(HttpStatus.UNPROCESSABLE_CONTENT).result("<p>" + Html.escape(words(e)) + "</p>");
        }
    }

    private void live(Context ctx) {
        String member = ctx.formParam("medlem");
        int position;
        try {
            position = Integer.parseInt(String.valueOf(ctx.formParam("position")));
        } catch (NumberFormatException e) {
            position = 0;
        }
        boolean text = "text".equals(ctx.queryParam("del"));
        try {
            Preview p = letters.previewWith(LetterPages.id(ctx), member == null || member.isBlank() ? null : member.strip(),
                    position, ctx.formParam("heading"), ctx.formParam("body"));
            if (text) {
                ctx.contentType("text/plain; charset=utf-8").result(p.message().text());
            } else {
                sandboxed(ctx).result(p.message().html());
            }
        } catch (UtskickException e) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType("text/plain; charset=utf-8").result(words(e));
        }
    }

    private static Context sandboxed(Context ctx) {
        return ctx.header("Content-Security-Policy", SANDBOX_CSP).contentType("text/html; charset=utf-8");
    }
}
