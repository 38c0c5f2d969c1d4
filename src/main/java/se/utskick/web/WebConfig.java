package se.utskick.web;

import se.utskick.Config;

/**
 * Where the HTTP server listens (keys {@code web.bind}, {@code web.port}; port 0 picks a free one)
 * and whether the session cookie is marked Secure ({@code web.cookie.secure}: {@code auto} = when
 * the request came over HTTPS, directly or through a proxy's X-Forwarded-Proto; {@code always};
 * {@code never}).
 */
public record WebConfig(String bind, int port, CookieSecurity cookieSecurity) {

    public enum CookieSecurity { AUTO, ALWAYS, NEVER }

    /** Listening on {@code bind:port} with the default cookie rule (tests). */
    public WebConfig(String bind, int port) {
        this(bind, port, CookieSecurity.AUTO);
    }

    public static WebConfig from(Config c) {
        return new WebConfig(c.string("web.bind", "127.0.0.1"), c.integer("web.port", 8080, 0, 65535),
                c.enumValue("web.cookie.secure", CookieSecurity.class, CookieSecurity.AUTO));
    }

    boolean secureCookies(String scheme, String forwardedProto) {
        return switch (cookieSecurity) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> "https".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(forwardedProto);
        };
    }
}
