package se.utskick.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises delivery reports. A standard DSN (RFC 3464: {@code multipart/report;
 * report-type=delivery-status}, as Postfix, Gmail and Exchange/Office 365 send) is read from its
 * delivery-status part. A non-standard one (Exim's and qmail's plain-text reports, older Exchange)
 * is recognised by its sender (MAILER-DAEMON, postmaster, "Mail Delivery System"), its
 * {@code X-Failed-Recipients} header or its subject, and read from its text: the first enhanced
 * status code (RFC 3463), else the first SMTP reply code, and the failed address.
 *
 * <p>A report whose code cannot be found counts as a temporary failure (4.0.0), so a report we
 * cannot read never costs a member their address at once.
 */
final class BounceParser {
    private static final Pattern DAEMON = Pattern.compile(
            "(?i)^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@.*");
    private static final Pattern DAEMON_NAME = Pattern.compile("(?i).*(mail delivery (system|subsystem)|mailer-daemon|postmaster).*");
    private static final Pattern FAILURE_SUBJECT = Pattern.compile(
            "(?i).*(undeliver|undelivered mail|delivery status notification \\((failure|delay)\\)|mail delivery failed"
                    + "|delivery (has )?failed|returned mail|failure notice|delivery failure|delayed mail"
                    + "|olevererbar|kunde inte levereras|det gick inte att leverera|leveransfel).*");
    private static final Pattern DELAY_SUBJECT = Pattern.compile(
            "(?i).*(delayed mail|\\(delay\\)|delivery delayed|warning: message .* delayed|still being retried|fördröj).*");
    private static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.])([45])\\d\\d(?=[ -])");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    private BounceParser() {
    }

    static Optional<Bounce> parse(MimeMessage m, MailParts parts, String subject) {
        if (parts.deliveryStatus != null) {
            Optional<Bounce> dsn = DeliveryStatusReport.parse(parts.deliveryStatus);
            if (dsn.isPresent() || parts.report) {
                return dsn;
            }
        }
        if (!looksLikeReport(m, subject)) {
            return Optional.empty();
        }
        String text = parts.plain != null ? parts.plain : parts.html != null ? HtmlText.of(parts.html) : "";
        return Optional.of(fromText(text, header(m, "X-Failed-Recipients"), DELAY_SUBJECT.matcher(subject).matches()));
    }

    static boolean looksLikeReport(MimeMessage m, String subject) {
        if (header(m, "X-Failed-Recipients") != null) {
            return true;
        }
        String from = fromAddress(m);
        boolean daemon = from != null && DAEMON.matcher(from).matches() || DAEMON_NAME.matcher(fromHeader(m)).matches();
        return daemon && FAILURE_SUBJECT.matcher(subject).matches();
    }

    private static Bounce fromText(String text, String failedRecipients, boolean delayed) {
        String status = null;
        String diagnostic = null;
        Matcher e = DeliveryStatusReport.ENHANCED.matcher(text);
        if (e.find()) {
            status = e.group();
            diagnostic = lineAround(text, e.start());
        } else {
            Matcher s = SMTP_CODE.matcher(text);
            if (s.find()) {
                status = s.group(1) + ".0.0";
                diagnostic = lineAround(text, s.start());
            }
        }
        String recipient = failedRecipients != null ? firstAddress(failedRecipients) : firstAddress(text);
        return new Bounce(delayed, status == null ? "4.0.0" : status, recipient, diagnostic);
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end).strip();
        return line.length() > 1000 ? line.substring(0, 1000) : line;
    }

    private static String firstAddress(String text) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String a = m.group().toLowerCase(Locale.ROOT);
            if (!DAEMON.matcher(a).matches()) {
                return a;
            }
        }
        return null;
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String fromHeader(MimeMessage m) {
        String from = header(m, "From");
        return from == null ? "" : from;
    }

    private static String fromAddress(MimeMessage m) {
        try {
            var from = m.getFrom();
            return from != null && from.length > 0 && from[0] instanceof InternetAddress ia ? ia.getAddress() : null;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
