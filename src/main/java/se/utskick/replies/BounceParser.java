package se.utskick.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.utskick.smtp.Refusals;

/**
 * Recognises delivery reports and reads their verdict. A standard DSN (RFC 3464:
 * {@code multipart/report; report-type=delivery-status}, as Postfix, Sendmail, Courier, Gmail,
 * Yahoo, Amazon SES and Exchange/Office 365 send) is read from its delivery-status part. A
 * non-standard one (Exim's and qmail's plain-text reports, older Exchange, Amazon SES notifications
 * forwarded as mail) is recognised by its sender (MAILER-DAEMON, postmaster, "Mail Delivery
 * System"), its {@code X-Failed-Recipients} header or its subject, and read from the part of its
 * text above the returned message: the most specific enhanced status code (RFC 3463), else the
 * first SMTP reply code, and the failed address (X-Failed-Recipients, else the address of the
 * RCPT TO that failed, else the first address that is not ours or a daemon's).
 *
 * <p>The cause (bad address, refused by policy, temporary, the message itself) is decided by
 * {@link Refusals}. A report whose code cannot be found counts as a temporary failure (4.0.0), so a
 * report we cannot read never costs a member their address at once.
 */
final class BounceParser {
    private static final Pattern DAEMON = Pattern.compile(
            "(?i)^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|double-bounce)@.*");
    private static final Pattern DAEMON_NAME = Pattern.compile("(?i).*(mail delivery (system|subsystem)|mailer-daemon|postmaster"
            + "|microsoft outlook|mail administrator).*");
    private static final Pattern FAILURE_SUBJECT = Pattern.compile(
            "(?i).*(undeliver|undelivered mail|delivery status notification \\((failure|delay)\\)|mail delivery failed"
                    + "|delivery (has )?failed|returned mail|failure notice|delivery failure|delayed mail|could not send message"
                    + "|non[- ]?delivery|mail could not be delivered|message not delivered|warning: could not send"
                    + "|olevererbar|kunde inte levereras|det gick inte att leverera|leveransfel|ej levererat).*");
    private static final Pattern DELAY_SUBJECT = Pattern.compile(
            "(?i).*(delayed mail|\\(delay\\)|delivery delayed|warning: message .* delayed|still being retried"
                    + "|warning: could not send message for past|fördröj).*");
    private static final Pattern SMTP_CODE = Pattern.compile("(?<![\\d.#-])([45])\\d\\d(?=[ :-])");
    /** How Exim, qmail and Sendmail say that a report without any code is final. */
    private static final Pattern PERMANENT = Pattern.compile("(?i)permanent (error|failure)|permanent fatal error");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern RCPT_TO = Pattern.compile("(?i)RCPT TO:\\s*<([^<>\\s]{1,320})>");
    /** Our own addresses, which a report may quote: never the failed recipient. */
    private static final Pattern OURS = Pattern.compile("(?i)^(bounce|reply|unsubscribe)\\+.*");
    /** Where a plain-text report starts quoting the returned message; what follows is ours, not the server's. */
    private static final Pattern RETURNED = Pattern.compile("(?im)^\\s*(-{2,}.*(copy of the message|original message|returned message"
            + "|message (headers )?follow|undelivered message|header of the original|below this line)"
            + "|original message headers:|-{3,} ?(original|forwarded) message|--- below this line"
            + "|received: from )");
    /** Amazon SES bounce notification as JSON (SNS to e-mail). */
    private static final Pattern SES_BOUNCE = Pattern.compile("\"notificationType\"\\s*:\\s*\"Bounce\"");
    private static final Pattern SES_TYPE = Pattern.compile("\"bounceType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern SES_RECIPIENT = Pattern.compile("\"bouncedRecipients\"\\s*:\\s*\\[\\s*\\{[^}]*?\"emailAddress\"\\s*:\\s*\"([^\"]{1,320})\"");
    private static final Pattern SES_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\d\\.\\d{1,3}\\.\\d{1,3})\"");
    private static final Pattern SES_DIAGNOSTIC = Pattern.compile("\"diagnosticCode\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,1000})\"");

    private BounceParser() {
    }

    static Optional<Bounce> parse(MimeMessage m, MailParts parts, String subject) {
        String text = parts.plain != null ? parts.plain : parts.html != null ? HtmlText.of(parts.html) : "";
        if (parts.deliveryStatus != null) {
            Optional<Bounce> dsn = DeliveryStatusReport.parse(parts.deliveryStatus, section(text));
            if (dsn.isPresent() || parts.report) {
                return dsn;
            }
        }
        if (SES_BOUNCE.matcher(text).find()) {
            return Optional.of(ses(text));
        }
        if (!looksLikeReport(m, subject)) {
            return Optional.empty();
        }
        return Optional.of(fromText(section(text), header(m, "X-Failed-Recipients"), DELAY_SUBJECT.matcher(subject).matches()));
    }

    static boolean looksLikeReport(MimeMessage m, String subject) {
        if (header(m, "X-Failed-Recipients") != null) {
            return true;
        }
        String from = fromAddress(m);
        boolean daemon = from != null && DAEMON.matcher(from).matches() || DAEMON_NAME.matcher(fromHeader(m)).matches();
        return daemon && (FAILURE_SUBJECT.matcher(subject).matches() || DELAY_SUBJECT.matcher(subject).matches());
    }

    /** The report's own words: its text above the copy of the returned message. */
    static String section(String text) {
        Matcher r = RETURNED.matcher(text);
        String s = r.find() && r.start() > 0 ? text.substring(0, r.start()) : text;
        return s.length() > 20_000 ? s.substring(0, 20_000) : s;
    }

    private static Bounce fromText(String text, String failedRecipients, boolean delayed) {
        String status = DeliveryStatusReport.specific(text);
        int at = -1;
        if (status != null) {
            at = text.indexOf(status);
        } else {
            Matcher e = Refusals.ENHANCED.matcher(text);
            if (e.find()) {
                status = e.group();
                at = e.start();
            }
        }
        Matcher s = SMTP_CODE.matcher(text);
        int basic = s.find() ? s.group(1).charAt(0) - '0' : 0;
        if (status == null && basic != 0) {
            status = basic + ".0.0";
            at = s.start();
        }
        if (status == null && !delayed && PERMANENT.matcher(text).find()) {
            status = "5.0.0";
        }
        String diagnostic = at < 0 ? null : lineAround(text, at);
        String recipient = failedRecipients != null ? firstAddress(failedRecipients) : null;
        if (recipient == null) {
            Matcher rcpt = RCPT_TO.matcher(text);
            recipient = rcpt.find() ? rcpt.group(1).toLowerCase(Locale.ROOT) : firstAddress(text);
        }
        String code = status == null ? "4.0.0" : status;
        return new Bounce(delayed, code, recipient, diagnostic, Refusals.cause(code, text, code.charAt(0) - '0'));
    }

    /**
     * An Amazon SES notification: {@code bounceType} Permanent with a bad-address status marks;
     * Transient and Undetermined never do (a 4.x.x status is given for them when SES gives none).
     */
    private static Bounce ses(String json) {
        String type = group(SES_TYPE, json);
        String recipient = group(SES_RECIPIENT, json);
        String status = group(SES_STATUS, json);
        String diagnostic = group(SES_DIAGNOSTIC, json);
        boolean permanent = "Permanent".equalsIgnoreCase(type);
        String code = status != null ? status : permanent ? "5.0.0" : "4.0.0";
        if (!permanent && code.startsWith("5")) {
            code = "4" + code.substring(1);
        }
        String words = (diagnostic == null ? "" : diagnostic) + " " + json;
        return new Bounce(false, code, recipient == null ? null : recipient.toLowerCase(Locale.ROOT), diagnostic,
                Refusals.cause(code, diagnostic != null ? diagnostic : words, code.charAt(0) - '0'));
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The line that holds the code, with the next one when the answer goes on there. */
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
            if (!DAEMON.matcher(a).matches() && !OURS.matcher(a).matches()) {
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
