package se.utskick.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a message that matter to us, found by one bounded walk of its MIME tree: the first
 * text/plain and text/html bodies, the machine-readable delivery status (RFC 3464 section 2), the
 * feedback report of a complaint (RFC 5965 section 3.1) and
 * the headers of a returned original message (RFC 3462/6522 third part, or a message/rfc822).
 *
 * <p>Never throws: a damaged part is skipped, so a malformed message still yields what it can.
 * Only the first {@value #MAX_TEXT} characters of a text are kept.
 */
final class MailParts {
    static final int MAX_TEXT = 1_000_000;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 200;

    String plain;
    String html;
    String deliveryStatus;
    /** The machine-readable part of an ARF complaint (RFC 5965 {@code message/feedback-report}). */
    String feedbackReport;
    /** The {@code report-type} of the first {@code multipart/report}, lower case, or null. */
    String reportType;
    final List<InternetHeaders> returnedHeaders = new ArrayList<>();
    boolean report;
    private int seen;

    static MailParts of(MimeMessage message) {
        MailParts p = new MailParts();
        p.walk(message, 0);
        return p;
    }

    private void walk(Part part, int depth) {
        if (depth > MAX_DEPTH || ++seen > MAX_PARTS) {
            return;
        }
        try {
            String type = baseType(part);
            if (type.startsWith("multipart/")) {
                if (type.equals("multipart/report")) {
                    report = true;
                    if (reportType == null) {
                        String rt = new ContentType(part.getContentType()).getParameter("report-type");
                        reportType = rt == null ? "" : rt.strip().toLowerCase(Locale.ROOT);
                    }
                }
                Object content = part.getContent();
                if (content instanceof Multipart mp) {
                    for (int i = 0; i < mp.getCount(); i++) {
                        walk(mp.getBodyPart(i), depth + 1);
                    }
                }
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                deliveryStatus = deliveryStatus == null ? read(part, StandardCharsets.UTF_8) : deliveryStatus;
            } else if (type.equals("message/feedback-report")) {
                feedbackReport = feedbackReport == null ? read(part, StandardCharsets.UTF_8) : feedbackReport;
            } else if (type.equals("text/rfc822-headers") || type.equals("text/global-headers")) {
                returnedHeaders.add(new InternetHeaders(part.getInputStream()));
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                try (InputStream in = part.getInputStream()) {
                    returnedHeaders.add(new InternetHeaders(in));
                }
            } else if (type.equals("text/plain") && plain == null && !isAttachment(part)) {
                plain = text(part);
            } else if (type.equals("text/html") && html == null && !isAttachment(part)) {
                html = text(part);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // a damaged part: skip it, keep what the rest of the message gives
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "text/plain";
        }
    }

    /** The decoded text of a text part in its declared charset; unknown charsets read as UTF-8. */
    private static String text(Part part) throws MessagingException, IOException {
        Charset cs = StandardCharsets.UTF_8;
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                cs = Charset.forName(name.strip());
            }
        } catch (RuntimeException | MessagingException e) {
            cs = StandardCharsets.UTF_8;
        }
        return read(part, cs);
    }

    private static String read(Part part, Charset cs) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_TEXT * 2);
            String s = new String(bytes, cs);
            return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
        }
    }
}
