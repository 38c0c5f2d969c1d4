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
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.replies.Feedback;

/**
 * Guards, on the real graph, that a board's reply to the feedback reminder (a REMINDER letter sent
 * In-Reply-To the board letter) counts as that association's feedback for the board letter it
 * reminds of, as the reminder promises, in the feedback table itself (not only in the summary).
 */
class ReminderReplyFeedbackTest {
    private ReminderHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aReplyToTheFeedbackReminderCountsForTheBoardLetter(@TempDir Path dir) throws Exception {
        h = new ReminderHarness();
        for (String name : List.of("Karlstad", "Torsby")) {
            long a = h.association(name);
            String p = name.substring(0, 1);
            h.member(p + "1", "Ordf", name, a, "OK", null, null, "CHAIR");
        }
        Letter l = h.app.letters().create(LetterKind.BOARD, "2026-03", List.of("Karlstad", "Torsby"), null);
        h.app.letters().addItem(l.id(), "Årsmötet", Files.writeString(dir.resolve("a.md"), "Årsmötet är den 28 mars."));
        h.app.letters().setFeedbackRequest(l.id(), "Hur många kommer?");
        h.app.letters().setDeadline(l.id(), LocalDate.of(2026, 3, 20));
        h.app.letters().approve(l.id());
        h.app.delivery().send(l.id());
        h.sendQueued();

        h.clock.set("2026-03-18T08:00:00Z");
        h.app.reminders().sendFeedbackReminders();
        h.sendQueued();
        MimeMessage reminder = h.sentTo("t1@example.org").stream().filter(m -> subject(m).startsWith("Re: ")).findFirst().orElseThrow();
        // the board answers the reminder; its mail client keeps only the reminder's Message-ID
        String raw = "From: t1@example.org\r\nTo: " + ReminderHarness.header(reminder, "Reply-To") + "\r\n"
                + "Subject: Re: " + reminder.getSubject() + "\r\nMessage-ID: <svar-paminnelse@example.org>\r\n"
                + "In-Reply-To: " + reminder.getMessageID() + "\r\nReferences: " + reminder.getMessageID() + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nVi kommer tre.\r\n";
        h.replyBox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, h.app.replies().poller().pollOnce().recorded());

        Feedback feedback = h.app.replies().log().feedback(l.id());
        Map<String, Boolean> answered = feedback.associations().stream()
                .collect(Collectors.toMap(Feedback.AssociationFeedback::name, Feedback.AssociationFeedback::answered));
        assertEquals(Map.of("Karlstad", false, "Torsby", true), answered);
        assertTrue(feedback.associations().stream().filter(a -> a.name().equals("Torsby")).findFirst().orElseThrow()
                .replies().get(0).excerpt().contains("tre"));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
