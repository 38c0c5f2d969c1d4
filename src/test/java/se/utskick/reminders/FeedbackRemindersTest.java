package se.utskick.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;

/**
 * Guards the feedback reminders on a board letter really sent to three boards, two of which
 * answer through the reply mailbox (IMAP, the poller): from reminders.feedback.days.before days
 * before the deadline, only the board that has not answered is reminded, once, each message a
 * reply in the recipient's own thread (In-Reply-To and References = the Message-ID of the board
 * letter that recipient received); after the deadline the ombudsman gets one summary naming who
 * answered and who did not, a reply to the reminder counting as an answer.
 */
class FeedbackRemindersTest {
    private static final String SUBJECT = "Styrelsebrevet – mars 2026";
    private ReminderHarness h;
    private long letter;

    @BeforeEach
    void sendBoardLetter(@TempDir Path dir) throws Exception {
        h = new ReminderHarness();
        for (String name : List.of("Karlstad", "Arvika", "Torsby")) {
            long a = h.association(name);
            String p = name.substring(0, 1);
            h.member(p + "1", "Ordf", name, a, "OK", null, null, "CHAIR");
            h.member(p + "2", "Ledamot", name, a, "OK", null, null, "BOARD_MEMBER");
        }
        h.member("O1", "Oskar", "Ombudsman", h.association("Distriktet"), "OK", null, null, "OMBUDSMAN");
        Letter l = h.app.letters().create(LetterKind.BOARD, "2026-03", List.of("Karlstad", "Arvika", "Torsby"), null);
        letter = l.id();
        h.app.letters().addItem(letter, "Årsmötet", Files.writeString(dir.resolve("a.md"), "Årsmötet är den 28 mars."));
        h.app.letters().setFeedbackRequest(letter, "Hur många kommer från er förening?");
        h.app.letters().setDeadline(letter, LocalDate.of(2026, 3, 20));
        h.app.letters().approve(letter);
        h.app.delivery().send(letter);
        h.sendQueued();
        assertEquals(6, h.sent().size());
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** A board member answers the message they received, as a mail client would. */
    private void answer(MimeMessage received, String text) throws Exception {
        String raw = "From: " + ReminderHarness.to(received) + "\r\n"
                + "To: " + ReminderHarness.header(received, "Reply-To") + "\r\n"
                + "Subject: Re: " + received.getSubject() + "\r\n"
                + "Message-ID: <svar-" + System.nanoTime() + "@example.org>\r\n"
                + "In-Reply-To: " + received.getMessageID() + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
        h.replyBox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        h.app.replies().poller().pollOnce();
    }

    private MimeMessage boardLetterTo(String address) {
        return h.sentTo(address).stream().filter(m -> subject(m).equals(SUBJECT)).findFirst().orElseThrow();
    }

    private List<MimeMessage> reminders() {
        return h.sent().stream().filter(m -> subject(m).equals("Re: " + SUBJECT)).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheBoardThatHasNotAnsweredIsRemindedOnceInItsOwnThread() throws Exception {
        answer(boardLetterTo("k1@example.org"), "Vi kommer fyra.");
        answer(boardLetterTo("a2@example.org"), "Två från Arvika.");
        assertEquals(2, h.app.replies().log().feedback(letter).answered());

        h.clock.set("2026-03-16T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        assertEquals(List.of(), reminders(), "four days before a three-day reminder: not yet");

        h.clock.set("2026-03-17T08:00:00Z");
        String summary = h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        List<MimeMessage> sent = reminders();
        assertEquals(List.of("t1@example.org", "t2@example.org"), sent.stream().map(ReminderHarness::to).sorted().toList(), summary);
        for (MimeMessage m : sent) {
            String original = boardLetterTo(ReminderHarness.to(m)).getMessageID();
            assertEquals(original, ReminderHarness.header(m, "In-Reply-To"));
            assertEquals(original, ReminderHarness.header(m, "References"));
            assertEquals("auto-generated", ReminderHarness.header(m, "Auto-Submitted"));
            String text = ReminderHarness.part(m, "text/plain");
            assertTrue(text.contains("Hur många kommer från er förening?") && text.contains("Torsby"), text);
        }

        h.app.reminders().sendFeedbackReminders();
        h.clock.set("2026-03-19T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        assertEquals(2, reminders().size(), "never reminded twice");
    }

    @Test
    void afterTheDeadlineTheOmbudsmanGetsOneSummaryOfWhoAnswered() throws Exception {
        answer(boardLetterTo("k1@example.org"), "Vi kommer fyra.");
        answer(boardLetterTo("a2@example.org"), "Två från Arvika.");
        h.clock.set("2026-03-20T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        assertEquals(0, h.sentTo("o1@example.org").size(), "on the deadline day itself there is no summary yet");

        h.clock.set("2026-03-21T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        h.clock.set("2026-03-22T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();

        List<MimeMessage> toOmbudsman = h.sentTo("o1@example.org");
        assertEquals(1, toOmbudsman.size());
        String text = ReminderHarness.part(toOmbudsman.getFirst(), "text/plain");
        int yes = text.indexOf("Har svarat (2 av 3)");
        int no = text.indexOf("Har inte svarat (1)");
        assertTrue(yes >= 0 && no > yes, text);
        String answered = text.substring(yes, no);
        assertTrue(answered.contains("Karlstad") && answered.contains("Arvika") && !answered.contains("Torsby"), text);
        assertTrue(text.substring(no).contains("Torsby"), text);
        assertEquals("Återkoppling: " + SUBJECT, toOmbudsman.getFirst().getSubject());
    }

    @Test
    void aReplyToTheReminderCountsAsAnAnswerInTheSummary() throws Exception {
        answer(boardLetterTo("k1@example.org"), "Vi kommer fyra.");
        h.clock.set("2026-03-18T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        MimeMessage reminder = h.sentTo("t1@example.org").stream().filter(m -> subject(m).startsWith("Re: ")).findFirst().orElseThrow();
        answer(reminder, "Förlåt, vi kommer tre.");

        h.clock.set("2026-03-21T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();

        String text = ReminderHarness.part(h.sentTo("o1@example.org").getFirst(), "text/plain");
        assertTrue(text.contains("Har svarat (2 av 3)") && text.contains("Torsby (efter påminnelsen)"), text);
        assertTrue(text.contains("Har inte svarat (1)") && text.substring(text.indexOf("Har inte svarat")).contains("Arvika"), text);
    }
}
