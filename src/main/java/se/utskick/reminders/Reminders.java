package se.utskick.reminders;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.utskick.db.Database;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.RecipientSource;
import se.utskick.letters.Letters;
import se.utskick.letters.ReminderContent;
import se.utskick.replies.ReplyLog;
import se.utskick.schedule.ScheduledJob;

/**
 * The reminders feature's entry point, built in two steps because the letters feature needs its
 * content before the reminders can use the letters: {@link #content} first (on the database
 * alone), then {@link #create}. Thread-safe; the jobs are idempotent per month / per board letter.
 */
public final class Reminders {
    private final AddressReminders addresses;
    private final FeedbackReminders feedback;
    private final ReminderConfig cfg;

    private Reminders(AddressReminders addresses, FeedbackReminders feedback, ReminderConfig cfg) {
        this.addresses = addresses;
        this.feedback = feedback;
        this.cfg = cfg;
    }

    /** What REMINDER letters say, for the letters feature. */
    public static ReminderContent content(Database db, ReminderConfig cfg, Supplier<Map<Long, String>> associationNames) {
        return new ReminderModels(new ReminderStore(db, associationNames), cfg.registerUrl());
    }

    /** The recipients of a REMINDER letter, for delivery (threaded query: the sixth column is in_reply_to). */
    public static RecipientSource recipients(Database db) {
        return new ReminderStore(db, Map::of)::recipientsOf;
    }

    /** {@code associationNames} is the register's reader of association names (id → name). */
    public static Reminders create(Database db, ReminderConfig cfg, Supplier<Map<Long, String>> associationNames, Letters letters,
                                   Delivery delivery, ReplyLog replies, Clock clock) {
        ReminderStore store = new ReminderStore(db, associationNames);
        ReminderLetters sender = new ReminderLetters(letters, delivery, store);
        Ombudsman ombudsman = new Ombudsman(store, cfg.ombudsmanAddress());
        return new Reminders(new AddressReminders(store, letters, sender, ombudsman, cfg, clock),
                new FeedbackReminders(store, letters, replies, sender, ombudsman, cfg, clock), cfg);
    }

    /** This month's missing-address reminders, unless already sent; a one-line summary with counts. */
    public String sendAddressReminders() {
        return addresses.run();
    }

    /** Due feedback reminders and post-deadline summaries, each once; a one-line summary with counts. */
    public String sendFeedbackReminders() {
        return feedback.run();
    }

    /** Erasing a member removes them from recipients decided but not yet frozen. */
    public static se.utskick.register.ErasureStep erasure() {
        return ReminderStore::erase;
    }

    /** The reminders' named queries, prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return ReminderSql.QUERIES;
    }

    /** {@code address-reminders} and {@code feedback-reminders}, for the schedule. */
    public List<ScheduledJob> jobs() {
        return List.of(
                ScheduledJob.of("address-reminders", "Tell each membership officer of their members without a usable address (once a month)",
                        cfg.addressCron(), this::sendAddressReminders),
                ScheduledJob.of("feedback-reminders", "Remind boards that have not answered a board letter; summarise after the deadline",
                        cfg.feedbackCron(), this::sendFeedbackReminders));
    }

}
