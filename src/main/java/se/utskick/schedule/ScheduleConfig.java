package se.utskick.schedule;

import java.time.Duration;
import java.time.ZoneId;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * Settings of the Quartz cluster node.
 *
 * @param instanceId  this node's id in the cluster; {@code AUTO} lets Quartz make a unique one
 * @param threads     Quartz worker threads (jobs are few and short; sending has its own workers)
 * @param checkin     how often a node proves it is alive; a node silent for longer is taken over
 * @param zone        the time zone cron expressions are read in
 */
public record ScheduleConfig(String instanceId, int threads, Duration checkin, ZoneId zone) {

    public static ScheduleConfig from(Config c) {
        String zone = c.string("schedule.timezone", "Europe/Stockholm");
        try {
            return new ScheduleConfig(
                    c.string("schedule.instance.id", "AUTO"),
                    c.integer("schedule.threads", 3, 1, 50),
                    c.duration("schedule.cluster.checkin", Duration.ofSeconds(7)),
                    ZoneId.of(zone));
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("the configuration key schedule.timezone is '" + zone
                    + "' but must be a time zone such as Europe/Stockholm (" + Config.envName("schedule.timezone") + ")");
        }
    }
}
