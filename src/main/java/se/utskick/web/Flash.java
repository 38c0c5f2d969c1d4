package se.utskick.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Post/redirect/get with a confirmation: the redirect carries {@code ?klart=KEY}, and the next page
 * shows the text {@code done.KEY} from the bundle. Only known keys show anything, so a crafted URL
 * can at most show one of our own sentences.
 */
final class Flash {
    private static final String PARAM = "klart";

    private Flash() {
    }

    static void redirect(Context ctx, String path, String key) {
        ctx.redirect(path + (path.contains("?") ? "&" : "?") + PARAM + "=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    /** The key of the confirmation to show, or "" when none. */
    static String take(Context ctx) {
        String k = ctx.queryParam(PARAM);
        return k == null || !k.matches("[a-z.-]{1,40}") ? "" : k;
    }
}
