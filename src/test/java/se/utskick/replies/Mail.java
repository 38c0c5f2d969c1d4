package se.utskick.replies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds raw RFC 5322 test messages as a person's mail program would send them. */
final class Mail {
    private static final AtomicInteger counter = new AtomicInteger();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String contentType = "text/plain; charset=UTF-8";
    private String body = "";

    static Mail from(String from) {
        Mail m = new Mail();
        m.headers.put("From", from);
        m.headers.put("Date", "Mon, 23 Nov 2026 09:12:00 +0100");
        m.headers.put("Message-ID", "<m" + counter.incrementAndGet() + "." + System.nanoTime() + "@client.example.com>");
        m.headers.put("MIME-Version", "1.0");
        return m;
    }

    Mail to(String to) {
        return header("To", to);
    }

    /** Encoded as RFC 2047 words when not ASCII, as mail programs do. */
    Mail subject(String subject) {
        try {
            return header("Subject", jakarta.mail.internet.MimeUtility.encodeText(subject, "UTF-8", "Q"));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    Mail inReplyTo(String messageId) {
        header("In-Reply-To", "<" + messageId + ">");
        return header("References", "<" + messageId + ">");
    }

    Mail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Mail text(String text) {
        this.body = text;
        return this;
    }

    Mail html(String html) {
        this.contentType = "text/html; charset=UTF-8";
        this.body = html;
        return this;
    }

    String messageId() {
        String v = headers.get("Message-ID");
        return v.substring(1, v.length() - 1);
    }

    String raw() {
        StringBuilder b = new StringBuilder();
        headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        b.append("Content-Type: ").append(contentType).append("\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        b.append(body.replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n");
        return b.toString();
    }
}
