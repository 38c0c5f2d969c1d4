package se.utskick.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spam complaint: an Abuse Reporting Format report (RFC 5965: {@code multipart/report;
 * report-type=feedback-report} with a {@code message/feedback-report} part, as Yahoo, AOL, Comcast
 * and most feedback loops send), Microsoft's JMRP report, or an Amazon SES complaint notification.
 * Recognised before any other classification: a complaint quotes our message, and must never be
 * read as a reply or feedback.
 *
 * @param feedbackType the ARF Feedback-Type, lower case ({@code abuse}, {@code fraud}, {@code virus},
 *                     {@code other}, {@code not-spam}, {@code auth-failure}); {@code abuse} when the
 *                     format has none
 */
record Complaint(String feedbackType) {
    private static final Pattern FEEDBACK_TYPE = Pattern.compile("(?im)^Feedback-Type:\\s*([A-Za-z-]{1,40})");
    private static final Pattern SES_COMPLAINT = Pattern.compile("\"notificationType\"\\s*:\\s*\"Complaint\"");
    private static final Pattern SES_TYPE = Pattern.compile("\"complaintFeedbackType\"\\s*:\\s*\"([A-Za-z-]{1,40})\"");
    private static final Pattern JMRP_SUBJECT = Pattern.compile("(?i)^\\s*complaint about message from .*");

    /** True when the person asked to get fewer of these (every type but not-spam and auth-failure). */
    boolean unsubscribes() {
        return !feedbackType.equals("not-spam") && !feedbackType.equals("auth-failure");
    }

    static Optional<Complaint> of(MimeMessage m, MailParts parts, String subject) {
        if (parts.feedbackReport != null || "feedback-report".equals(parts.reportType)) {
            return Optional.of(new Complaint(type(FEEDBACK_TYPE, parts.feedbackReport)));
        }
        String text = parts.plain == null ? "" : parts.plain;
        if (SES_COMPLAINT.matcher(text).find()) {
            return Optional.of(new Complaint(type(SES_TYPE, text)));
        }
        if (header(m, "X-HmXmrOriginalRecipient") != null || JMRP_SUBJECT.matcher(subject).matches()
                && parts.returnedHeaders.size() > 0) {
            return Optional.of(new Complaint("abuse"));
        }
        return Optional.empty();
    }

    private static String type(Pattern p, String text) {
        if (text == null) {
            return "abuse";
        }
        Matcher t = p.matcher(text);
        return t.find() ? t.group(1).toLowerCase(Locale.ROOT) : "abuse";
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }
}
