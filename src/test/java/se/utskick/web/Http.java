package se.utskick.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small cookie-keeping HTTP client for the interface's tests: GET, form POST, sign-in, the page's CSRF token. */
final class Http {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Http(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** POSTs {@code fields} (in order, as alternating name, value) form-encoded. */
    HttpResponse<String> post(String path, String... fields) {
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            m.put(fields[i], fields[i + 1]);
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /**
     * POSTs {@code fields} (alternating name, value) and one file as multipart/form-data, as a
     * browser's upload form does.
     */
    HttpResponse<String> postFile(String path, String fileField, String filename, byte[] content, String... fields) {
        String boundary = "----utskick" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** As {@link #postFile(String, String, String, byte[], String...)}, the file streamed from disk (a large upload). */
    HttpResponse<String> postFile(String path, String fileField, String filename, java.nio.file.Path file, String... fields)
            throws java.io.FileNotFoundException {
        String boundary = "----utskick" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(filename).append("\"\r\nContent-Type: text/csv\r\n\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head.toString()),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build());
    }

    /**
     * The password step of sign-in through the form; returns the POST's response (302 to the code
     * page on success, with only the pending sign-in's cookie set).
     */
    HttpResponse<String> signIn(String user, String password) {
        String token = csrfOf(get("/logga-in").body());
        return post("/logga-in", "csrf", token, "username", user, "password", password);
    }

    /** Both steps: the password, then {@code code} on the code page; returns the code POST's response (302 to / on success). */
    HttpResponse<String> signIn(String user, String password, String code) {
        HttpResponse<String> first = signIn(user, password);
        if (first.statusCode() != 302) {
            throw new AssertionError("the password step answered " + first.statusCode() + ": " + first.body());
        }
        return code(code);
    }

    /** Posts {@code code} on the code page of this client's pending sign-in. */
    HttpResponse<String> code(String code) {
        return post("/logga-in/kod", "csrf", csrf("/logga-in/kod"), "code", code);
    }

    /** The CSRF token of a page (the first hidden csrf field). */
    String csrf(String path) {
        return csrfOf(get(path).body());
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf field in the page: " + html.substring(0, Math.min(500, html.length())));
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest r) {
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
