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

    /** Redirects to {@code path} (which may end in a {@code #fragment}: the query goes before it) with the confirmation {@code key}. */
    static void redirect(Context ctx, String path, String key) {
        ctx.redirect(withKey(path, key));
    }

    static String withKey(String path, String key) {
        int hash = path.indexOf('#');
        String base = hash < 0 ? path : path.substring(0, hash);
        String fragment = hash < 0 ? "" : path.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + PARAM + "=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + fragment;
    }

    /** The key of the confirmation to show, or "" when none. */
    static String take(Context ctx) {
        String k = ctx.queryParam(PARAM);
        return k == null || !k.matches("[a-z.-]{1,40}") ? "" : k;
    }
}
