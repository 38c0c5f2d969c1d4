package se.utskick.health;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import se.utskick.schedule.Schedule;

/**
 * The scheduler node: FAIL when it is not running (nothing of the month would happen); WARN when a
 * job's last run failed, or when an interval job (reply polling, scheduled sends) has not run for
 * three of its intervals and at least five minutes.
 */
public final class SchedulerProbe implements Probe {
    private static final Duration MIN_LATE = Duration.ofMinutes(5);
    private final Schedule schedule;
    private final Clock clock;

    public SchedulerProbe(Schedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public Check check() {
        if (!schedule.running()) {
            return Check.fail("scheduler", "node " + schedule.nodeId() + " is not running: no job will fire; restart the node");
        }
        List<String> failed = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Schedule.JobStatus job : schedule.show()) {
            if ("FAILED".equals(job.lastOutcome())) {
                failed.add(job.name());
            }
            if (job.schedule().startsWith("every:")) {
                Duration interval = Duration.ofSeconds(Long.parseLong(job.schedule().substring("every:".length())));
                Duration allowed = interval.multipliedBy(3).compareTo(MIN_LATE) < 0 ? MIN_LATE : interval.multipliedBy(3);
                if (job.lastRun() != null && job.lastRun().plus(allowed).isBefore(clock.instant())) {
                    late.add(job.name() + " (last " + job.lastRun() + ")");
                }
            }
        }
        if (!failed.isEmpty() || !late.isEmpty()) {
            return Check.warn("scheduler", (failed.isEmpty() ? "" : "last run failed: " + String.join(", ", failed)
                    + " (see 'utskick schedule show'); ") + (late.isEmpty() ? "" : "not run lately: " + String.join(", ", late)));
        }
        return Check.ok("scheduler", "node " + schedule.nodeId() + " running");
    }
}
