package se.utskick.assembly;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.OptionalInt;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * Settings of the month's jobs (keys {@code schedule.assembly.*}, {@code schedule.sends.interval},
 * {@code schedule.autosend.day}, documented in config/utskick.properties).
 *
 * @param boardCron    when the board letter's draft is assembled (Quartz cron, seconds first)
 * @param membersCron  when the members' letter's draft is assembled
 * @param monthsAhead  which period is assembled: 1 = the coming month, 0 = the current one
 * @param notifyList   the list that gets the "drafts are ready" notice
 * @param previewDir   where the drafts' previews are written for the notice to point at
 * @param sendsEvery   how often scheduled letters are looked for
 * @param autosendDay  day of the month an APPROVED monthly letter of the month is sent; empty = off
 * @param zone         the time zone in which "this month" and the send day are reckoned
 */
public record AssemblyConfig(String boardCron, String membersCron, int monthsAhead, String notifyList, Path previewDir,
                             Duration sendsEvery, OptionalInt autosendDay, ZoneId zone) {

    public static AssemblyConfig from(Config c) {
        Duration every = c.duration("schedule.sends.interval", Duration.ofSeconds(30));
        if (every.toSeconds() < 1) {
            throw new ConfigException("the configuration key schedule.sends.interval must be at least 1s, such as 30s");
        }
        String day = c.string("schedule.autosend.day", "");
        return new AssemblyConfig(
                cron(c, "schedule.assembly.board.cron", "0 0 8 20 * ?"),
                cron(c, "schedule.assembly.members.cron", "0 5 8 20 * ?"),
                c.integer("schedule.assembly.months.ahead", 1, 0, 1),
                c.string("schedule.assembly.notify.list", "ombudsman"),
                c.path("schedule.assembly.preview.dir", "out/previews"),
                every,
                day.isBlank() ? OptionalInt.empty() : OptionalInt.of(c.integer("schedule.autosend.day", 1, 1, 28)),
                zone(c));
    }

    private static String cron(Config c, String key, String fallback) {
        return c.cron(key, fallback);
    }

    private static ZoneId zone(Config c) {
        String zone = c.string("schedule.timezone", "Europe/Stockholm");
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("the configuration key schedule.timezone is '" + zone
                    + "' but must be a time zone such as Europe/Stockholm (" + Config.envName("schedule.timezone") + ")");
        }
    }
}
