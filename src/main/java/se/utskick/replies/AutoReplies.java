package se.utskick.replies;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises automatic answers, which never count as feedback: {@code Auto-Submitted} other than
 * {@code no} (RFC 3834 section 5), {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Autoresponder},
 * {@code Precedence: auto_reply|bulk|junk}, {@code X-Auto-Response-Suppress} (Exchange), and
 * vacation subjects in Swedish and English, after any "Re:"/"SV:" prefixes.
 */
final class AutoReplies {
    private static final Pattern VACATION_SUBJECT = Pattern.compile(
            "(?iu)^\\s*(?:(?:re|sv|vs|aw|fw|fwd|vb)\\s*:\\s*)*(?:\\[[^]]{0,40}]\\s*)?"
                    + "(frånvaro|autosvar|automatiskt svar|out of (the )?office|automatic reply|auto[- ]?reply"
                    + "|auto[- ]?response|semester|vacation)\\b.*");

    private AutoReplies() {
    }

    static boolean isAutomatic(MimeMessage m, String subject) {
        String autoSubmitted = header(m, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
                || header(m, "X-Autoresponder") != null || header(m, "X-Auto-Response-Suppress") != null) {
            return true;
        }
        String precedence = header(m, "Precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("auto_reply|bulk|junk")) {
            return true;
        }
        return VACATION_SUBJECT.matcher(subject).matches();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }
}
