package se.utskick.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message from the mailbox, parsed once into what correlation and classification need. Built
 * from the raw bytes; never throws for a damaged message (missing or broken parts read as absent).
 */
record IncomingMessage(Optional<String> messageId, String from, Optional<String> fromEmail, String subject,
                       List<TokenAddress> tokens, List<String> referencedIds, String text,
                       Optional<Bounce> bounce, boolean automatic, Optional<Complaint> complaint) {

    static final int MAX_SUBJECT = 500;
    /** Where a message was addressed: the envelope recipient as delivery agents record it, and the visible headers. */
    private static final String[] RECIPIENT_HEADERS = {
        "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "X-Delivered-To", "To", "Cc"};
    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{1,500})>");
    /** A returned message copied into a plain-text report (Exim, qmail). */
    private static final Pattern INLINE_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^<>\\s]{1,500}>)");
    /** Our Message-ID inside an Amazon SES notification (its "headers" and "commonHeaders"). */
    private static final Pattern JSON_MESSAGE_ID = Pattern.compile(
            "(?i)\"(?:message-id\"\\s*,\\s*\"value|messageId)\"\\s*:\\s*\"(<[^<>\\s\"]{1,500}>)\"");
    /** Raw UTF-8 in headers (RFC 6532) is read as UTF-8, as many mail programs now send it. */
    private static final Session SESSION = Session.getInstance(utf8Headers());

    private static Properties utf8Headers() {
        Properties p = new Properties();
        p.put("mail.mime.allowutf8", "true");
        return p;
    }

    static IncomingMessage parse(byte[] raw) {
        MimeMessage m;
        try {
            m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            return new IncomingMessage(Optional.empty(), "", Optional.empty(), "", List.of(), List.of(), "",
                    Optional.empty(), false, Optional.empty());
        }
        MailParts parts = MailParts.of(m);
        String subject = subject(m);
        // a complaint quotes our message and may look like a report or a reply: it is recognised first
        Optional<Complaint> complaint = Complaint.of(m, parts, subject);
        Optional<Bounce> bounce = complaint.isPresent() ? Optional.empty() : BounceParser.parse(m, parts, subject);
        String text = parts.plain != null ? parts.plain : parts.html != null ? HtmlText.of(parts.html) : "";
        List<String> refs = new ArrayList<>(ids(header(m, "In-Reply-To")));
        refs.addAll(ids(header(m, "References")));
        for (InternetHeaders returned : parts.returnedHeaders) {
            refs.addAll(ids(returned.getHeader("Message-ID", ",")));
        }
        if (bounce.isPresent() || complaint.isPresent()) {
            Matcher inline = INLINE_MESSAGE_ID.matcher(text);
            while (inline.find() && refs.size() < 100) {
                refs.addAll(ids(inline.group(1)));
            }
            Matcher json = JSON_MESSAGE_ID.matcher(text);
            while (json.find() && refs.size() < 100) {
                refs.addAll(ids(json.group(1)));
            }
        }
        return new IncomingMessage(ids(header(m, "Message-ID")).stream().findFirst(), from(m), fromEmail(m), subject,
                TokenAddress.in(recipients(m)), List.copyOf(refs), text, bounce,
                bounce.isEmpty() && complaint.isEmpty() && AutoReplies.isAutomatic(m, subject), complaint);
    }

    private static List<String> recipients(MimeMessage m) {
        List<String> values = new ArrayList<>();
        for (String name : RECIPIENT_HEADERS) {
            try {
                String[] v = m.getHeader(name);
                if (v != null) {
                    values.addAll(List.of(v));
                }
            } catch (MessagingException e) {
                // absent
            }
        }
        return values;
    }

    /** Message-IDs in a header, without angle brackets, at most 50. */
    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            Matcher mm = MESSAGE_ID.matcher(header);
            while (mm.find() && out.size() < 50) {
                out.add(mm.group(1));
            }
        }
        return out;
    }

    private static String subject(MimeMessage m) {
        String s = header(m, "Subject");
        if (s == null) {
            return "";
        }
        try {
            s = MimeUtility.decodeText(MimeUtility.unfold(s));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            // keep it encoded
        }
        s = s.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ").strip();
        return s.length() > MAX_SUBJECT ? s.substring(0, MAX_SUBJECT) : s;
    }

    private static String from(MimeMessage m) {
        String f = header(m, "From");
        if (f == null) {
            return "";
        }
        try {
            f = MimeUtility.decodeText(MimeUtility.unfold(f));
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            // keep it encoded
        }
        f = f.replaceAll("\\p{Cntrl}", " ").strip();
        return f.length() > 500 ? f.substring(0, 500) : f;
    }

    private static Optional<String> fromEmail(MimeMessage m) {
        try {
            String f = header(m, "From");
            if (f == null) {
                return Optional.empty();
            }
            InternetAddress[] a = InternetAddress.parseHeader(f, false);
            return a.length == 0 || a[0].getAddress() == null ? Optional.empty()
                    : Optional.of(normalise(a[0].getAddress()));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, " ");
        } catch (MessagingException e) {
            return null;
        }
    }

    /** As the register normalises: trimmed, domain in ASCII (IDN) and lower case; the local part as given. */
    static String normalise(String email) {
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at < 0) {
            return e;
        }
        String domain = e.substring(at + 1);
        try {
            domain = java.net.IDN.toASCII(domain);
        } catch (IllegalArgumentException ex) {
            // keep it as given; it will match nothing
        }
        return e.substring(0, at + 1) + domain.toLowerCase(Locale.ROOT);
    }
}
