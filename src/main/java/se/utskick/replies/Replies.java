package se.utskick.replies;

import java.time.Clock;
import se.utskick.db.Database;

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

    private Replies(MailboxPoller poller, ReplyLog log, Unsubscriber unsubscriber) {
        this.poller = poller;
        this.log = log;
        this.unsubscriber = unsubscriber;
    }

    public static Replies create(Database db, RepliesConfig config, DeliveryDirectory deliveries, LetterDirectory letters,
                                 AddressStatus addresses, Subscriptions subscriptions, MemberLookup members, Clock clock) {
        ReplyRepository repository = new ReplyRepository();
        MessageProcessor processor = new MessageProcessor(db, repository, new Correlator(deliveries, members),
                new BounceScores(config.softBounceThreshold(), config.softBounceStale().toDays()),
                addresses, subscriptions, clock);
        return new Replies(new MailboxPoller(config, processor, clock),
                new ReplyLog(db, repository, letters, config.retention(), clock),
                new Unsubscriber(deliveries, subscriptions, members));
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
}
