package se.utskick.replies;

import java.time.Clock;
import java.util.List;
import se.utskick.db.Database;
import se.utskick.schedule.ScheduledJob;

/**
 * The replies feature, wired: the mailbox poller, the reply log (with feedback and the retention
 * purge) and the unsubscriber. Built once by the composition root from the interfaces this package
 * declares ({@link DeliveryDirectory}, {@link LetterDirectory}, {@link AddressStatus},
 * {@link Subscriptions}, {@link MemberLookup}), which other features adapt to.
 */
public final class Replies {
    private final MailboxPoller poller;
    private final ReplyLog log;
    private final Unsubscriber unsubscriber;
    private final List<ScheduledJob> jobs;

    private Replies(MailboxPoller poller, ReplyLog log, Unsubscriber unsubscriber, List<ScheduledJob> jobs) {
        this.poller = poller;
        this.log = log;
        this.unsubscriber = unsubscriber;
        this.jobs = jobs;
    }

    /** The replies feature's named queries ({@code sql/replies.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return ReplySql.QUERIES;
    }

    public static Replies create(Database db, RepliesConfig config, DeliveryDirectory deliveries, LetterDirectory letters,
                                 AddressStatus addresses, Subscriptions subscriptions, MemberLookup members, Clock clock) {
        ReplyRepository repository = new ReplyRepository();
        MessageProcessor processor = new MessageProcessor(db, repository, new Correlator(deliveries, members),
                new BounceScores(config.softBounceThreshold(), config.softBounceStale().toDays()),
                addresses, subscriptions, clock);
        MailboxPoller poller = new MailboxPoller(config, processor, clock);
        ReplyLog log = new ReplyLog(db, repository, letters, config.retention(), clock);
        return new Replies(poller, log, new Unsubscriber(deliveries, subscriptions, members),
                RepliesJobs.of(config, poller, log));
    }

    /** Call {@link MailboxPoller#pollOnce} every {@code replies.poll.interval} (the scheduler does). */
    public MailboxPoller poller() {
        return poller;
    }

    /** Call {@link ReplyLog#purge} daily (the scheduler does). */
    public ReplyLog log() {
        return log;
    }

    public Unsubscriber unsubscriber() {
        return unsubscriber;
    }

    /** The jobs to hand to the schedule: {@code poll-replies} (if a mailbox is configured) and {@code purge-replies}. */
    public List<ScheduledJob> jobs() {
        return jobs;
    }
}
