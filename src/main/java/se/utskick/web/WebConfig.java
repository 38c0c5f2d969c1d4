package se.utskick.web;

import se.utskick.Config;

/** Where the HTTP server listens (keys {@code web.bind}, {@code web.port}); port 0 picks a free one. */
public record WebConfig(String bind, int port) {

    public static WebConfig from(Config c) {
        return new WebConfig(c.string("web.bind", "127.0.0.1"), c.integer("web.port", 8080, 0, 65535));
    }
}
