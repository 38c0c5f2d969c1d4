package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Guards what is and is not a complaint: the ARF type decides whether it unsubscribes (not-spam and
 * auth-failure never do); a report without a type is taken as abuse; a person's reply that merely
 * quotes ARF words, or a damaged report part, is no complaint and never throws.
 */
class ComplaintParseTest {

    private static IncomingMessage arf(String type, String reportPart) {
        String raw = "From: fbl@isp.example\r\nTo: abuse@utskick.example.se\r\nSubject: Re: Styrelsebrev\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"x\"\r\n\r\n"
                + "--x\r\nContent-Type: text/plain\r\n\r\nabuse report\r\n"
                + "--x\r\nContent-Type: message/feedback-report\r\n\r\n" + reportPart.replace("TYPE", type) + "\r\n"
                + "--x\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <tok@utskick.example.se>\r\n\r\n--x--\r\n";
        return IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFeedbackTypeDecidesWhetherItUnsubscribes() {
        assertTrue(arf("abuse", "Feedback-Type: TYPE\r\nVersion: 1").complaint().orElseThrow().unsubscribes());
        assertTrue(arf("fraud", "Feedback-Type: TYPE\r\nVersion: 1").complaint().orElseThrow().unsubscribes());
        assertFalse(arf("not-spam", "Feedback-Type: TYPE\r\nVersion: 1").complaint().orElseThrow().unsubscribes());
        assertFalse(arf("auth-failure", "Feedback-Type: TYPE\r\nVersion: 1").complaint().orElseThrow().unsubscribes());
    }

    @Test
    void aReportWithoutATypeOrWithADamagedPartIsStillAComplaintTakenAsAbuse() {
        IncomingMessage m = arf("", "Version: 1");
        assertEquals("abuse", m.complaint().orElseThrow().feedbackType());
        IncomingMessage damaged = arf("", "\u0000\u0001 not a header block at all");
        assertEquals("abuse", damaged.complaint().orElseThrow().feedbackType());
        assertTrue(damaged.referencedIds().contains("tok@utskick.example.se"), "it still leads back to our delivery");
        assertTrue(damaged.bounce().isEmpty() && !damaged.automatic());
    }

    @Test
    void aPersonsReplyQuotingArfWordsIsNoComplaint() {
        String raw = "From: anna@example.org\r\nTo: reply+tok@utskick.example.se\r\nSubject: SV: Styrelsebrev\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nVad betyder Feedback-Type: abuse i ert brev?\r\n";
        IncomingMessage m = IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertTrue(m.complaint().isEmpty());
        assertTrue(m.bounce().isEmpty());
    }
}
