package se.utskick.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /static/{file}}: the interface's own CSS and JavaScript from {@code /web/static} on the class
 * path, read once. Only names of letters, digits, dots and dashes; anything else is 404.
 */
final class StaticAssets {
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    void serve(Context ctx) {
        String file = ctx.pathParam("file");
        String ext = file.substring(file.lastIndexOf('.') + 1);
        if (!file.matches("[a-z0-9-]+\\.[a-z]+") || !TYPES.containsKey(ext)) {
            ctx.status(404).result("");
            return;
        }
        byte[] body = cache.computeIfAbsent(file, StaticAssets::read);
        if (body.length == 0) {
            ctx.status(404).result("");
            return;
        }
        ctx.header("Cache-Control", "max-age=3600").contentType(TYPES.get(ext)).result(body);
    }

    private static byte[] read(String file) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/web/static/" + file)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
