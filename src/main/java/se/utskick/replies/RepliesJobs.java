package se.utskick.replies;

import java.util.ArrayList;
import java.util.List;
import se.utskick.schedule.ScheduledJob;

/**
 * The scheduled work of the replies feature: reading the mailbox every {@code replies.poll.interval}
 * (only when {@code replies.imap.host} is set) and the daily retention purge of raw messages. Both
 * are idempotent: a message is processed once however often the poll runs.
 */
final class RepliesJobs {
    private RepliesJobs() {
    }

    static List<ScheduledJob> of(RepliesConfig config, MailboxPoller poller, ReplyLog log) {
        List<ScheduledJob> jobs = new ArrayList<>();
        if (config.host().isPresent()) {
            jobs.add(ScheduledJob.of("poll-replies", "Read the reply mailbox: replies, bounces, unsubscribes",
                    "every:" + Math.max(1, config.pollInterval().toSeconds()), () -> {
                        MailboxPoller.Result r = poller.pollOnce();
                        return r.recorded() + " recorded, " + r.alreadyRecorded() + " already recorded, " + r.failed() + " failed";
                    }));
        }
        jobs.add(ScheduledJob.of("purge-replies", "Delete raw reply messages older than replies.retention",
                "0 40 3 * * ?", () -> log.purge() + " raw messages purged"));
        return List.copyOf(jobs);
    }


}
