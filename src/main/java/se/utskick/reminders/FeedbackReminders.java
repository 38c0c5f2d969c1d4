package se.utskick.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.letters.Letter;
import se.utskick.letters.Letters;
import se.utskick.replies.Feedback;
import se.utskick.replies.LoggedMessage;
import se.utskick.replies.MessageKind;
import se.utskick.replies.ReplyLog;

/**
 * The daily feedback check over the board letters (and targeted mailings) that were sent with a
 * feedback deadline. From {@code reminders.feedback.days.before} days before the deadline until
 * the deadline itself, the boards that have not answered get one reminder (a REMINDER letter,
 * "Re: " the original subject, each message In-Reply-To the board letter message that recipient
 * received). The day after the deadline, the ombudsman gets one summary of who answered (a reply to
 * the reminder counts). Letters whose deadline passed more than {@link #SUMMARY_WITHIN_DAYS} days
 * ago are no longer looked at, so a first start does not summarise the whole past.
 */
final class FeedbackReminders {
    static final int SUMMARY_WITHIN_DAYS = 30;
    private static final Logger log = LoggerFactory.getLogger(FeedbackReminders.class);
    private final ReminderStore store;
    private final Letters letters;
    private final ReplyLog replies;
    private final ReminderLetters sender;
    private final Ombudsman ombudsman;
    private final ReminderConfig cfg;
    private final Clock clock;

    FeedbackReminders(ReminderStore store, Letters letters, ReplyLog replies, ReminderLetters sender, Ombudsman ombudsman,
                      ReminderConfig cfg, Clock clock) {
        this.store = store;
        this.letters = letters;
        this.replies = replies;
        this.sender = sender;
        this.ombudsman = ombudsman;
        this.cfg = cfg;
        this.clock = clock;
    }

    String run() {
        LocalDate today = LocalDate.now(clock.withZone(cfg.zone()));
        int reminded = 0;
        int summarised = 0;
        int messages = 0;
        for (Letter board : letters.sentWithDeadline(today.minusDays(SUMMARY_WITHIN_DAYS), today.plusDays(cfg.daysBefore()))) {
            LocalDate deadline = board.feedbackDeadline();
            if (!today.isAfter(deadline)) {
                int n = remind(board);
                reminded += n > 0 ? 1 : 0;
                messages += n;
            } else {
                int n = summarise(board);
                summarised += n > 0 ? 1 : 0;
                messages += n;
            }
        }
        if (messages > 0) {
            log.info("feedback reminders: {} letters reminded, {} summarised, {} messages queued", reminded, summarised, messages);
        }
        return reminded + " board letters reminded, " + summarised + " summarised, " + messages + " messages queued";
    }

    /** One reminder to the boards that have not answered; returns the messages queued now. */
    private int remind(Letter board) {
        var existing = store.letterFor(Purpose.FEEDBACK, null, board.id());
        if (existing.isEmpty() && unanswered(board).isEmpty()) {
            return 0;
        }
        long id = existing.orElseGet(() -> create(board, Purpose.FEEDBACK, "Re: " + board.subject(),
                "styrelser som inte har svarat", board.feedbackRequest(), board.feedbackDeadline()));
        return sender.send(id, () -> store.replaceWithThreadedRecipients(id, board.id(), unanswered(board)));
    }

    /** One summary to the ombudsman; returns the messages queued now. */
    private int summarise(Letter board) {
        long id = store.letterFor(Purpose.FEEDBACK_SUMMARY, null, board.id()).orElseGet(() -> create(board,
                Purpose.FEEDBACK_SUMMARY, "Återkoppling: " + board.subject(), "ombudsmannen", null, null));
        return sender.send(id, () -> {
            if (letters.get(id).items().isEmpty()) {
                summaryItems(id, board);
            }
            return sender.store(id, ombudsman.recipients(Set.of()));
        });
    }

    private void summaryItems(long id, Letter board) {
        Set<Long> late = repliedToReminder(board);
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        for (Feedback.AssociationFeedback a : replies.feedback(board.id()).associations()) {
            String name = "- " + MarkdownText.literal(a.name());
            // a reply to the reminder counts in the feedback too (replies feature); named as late here
            boolean direct = a.replies().stream().anyMatch(r -> Long.valueOf(board.id()).equals(r.letterId()));
            if (direct) {
                yes.add(name);
            } else if (a.answered() || late.contains(a.associationId())) {
                yes.add(name + " (efter påminnelsen)");
            } else {
                no.add(name);
            }
        }
        letters.addText(id, "Har svarat (" + yes.size() + " av " + (yes.size() + no.size()) + ")",
                yes.isEmpty() ? "Ingen styrelse har svarat." : String.join("\n", yes));
        letters.addText(id, "Har inte svarat (" + no.size() + ")", no.isEmpty() ? "Alla styrelser har svarat." : String.join("\n", no));
    }

    private List<Long> unanswered(Letter board) {
        return replies.feedback(board.id()).associations().stream().filter(a -> !a.answered())
                .map(Feedback.AssociationFeedback::associationId).toList();
    }

    /** Associations whose board replied to the feedback reminder (that reply is logged against the reminder letter). */
    private Set<Long> repliedToReminder(Letter board) {
        return store.letterFor(Purpose.FEEDBACK, null, board.id()).map(r -> replies.list(r, MessageKind.REPLY, 10_000).stream()
                .map(LoggedMessage::associationId).filter(java.util.Objects::nonNull).collect(Collectors.toSet())).orElse(Set.of());
    }

    private long create(Letter board, Purpose purpose, String subject, String audience, String request, LocalDate deadline) {
        Letter l = letters.createReminder(null, subject, audience, request, deadline);
        if (!store.record(l.id(), purpose, null, board.id())) {
            letters.states().cancelled(l.id());
        }
        return store.letterFor(purpose, null, board.id()).orElseThrow();
    }
}
