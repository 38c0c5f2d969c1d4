package se.utskick.web;

import io.javalin.http.Context;
import se.utskick.replies.Unsubscriber;

/**
 * {@code /u/{token}}: the members' letter's unsubscribe link. POST is RFC 8058 one-click (body
 * {@code List-Unsubscribe=One-Click}): 200 with a short page, never a redirect. GET only shows a
 * Swedish confirmation page whose button POSTs the same body, so a link scanner that follows the
 * URL unsubscribes nobody. An unknown, forged or non-members'-letter token gets 404 and changes
 * nothing.
 */
final class UnsubscribePages {
    private final Unsubscriber unsubscriber;

    UnsubscribePages(Unsubscriber unsubscriber) {
        this.unsubscriber = unsubscriber;
    }

    void confirm(Context ctx) {
        String token = ctx.pathParam("token");
        if (!unsubscriber.accepts(token)) {
            notFound(ctx);
            return;
        }
        ctx.html(page("Avsluta prenumerationen",
                "<p>Vill du sluta få medlemsbrevet via e-post? Du får fortfarande utskick som går till dig"
                        + " för att du har ett uppdrag, till exempel i en styrelse.</p>"
                        + "<form method=\"post\" action=\"/u/" + Html.escape(token) + "\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">Avsluta prenumerationen</button></form>"));
    }

    void unsubscribe(Context ctx) {
        if (!"One-Click".equals(ctx.formParam("List-Unsubscribe"))) {
            ctx.status(400).html(page("Felaktig begäran", "<p>Begäran saknar List-Unsubscribe=One-Click.</p>"));
            return;
        }
        if (unsubscriber.unsubscribe(ctx.pathParam("token")) == Unsubscriber.Result.UNKNOWN_TOKEN) {
            notFound(ctx);
            return;
        }
        ctx.status(200).html(page("Prenumerationen är avslutad",
                "<p>Du får inte längre medlemsbrevet via e-post. Vill du ha det igen, kontakta distriktsexpeditionen.</p>"));
    }

    private static void notFound(Context ctx) {
        ctx.status(404).html(page("Länken gäller inte",
                "<p>Länken är ogiltig eller skadad. Kopiera hela länken från brevet, eller kontakta distriktsexpeditionen.</p>"));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + Html.escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em}"
                + "button{font-size:1.1em;padding:.5em 1em}</style></head><body><h1>" + Html.escape(title) + "</h1>"
                + body + "</body></html>";
    }

}
