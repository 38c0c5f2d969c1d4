package se.utskick.reminders;

import java.time.ZoneId;
import java.util.Optional;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * Settings of the reminders.
 *
 * @param addressCron       Quartz cron of the missing-address reminders ({@code schedule.reminders.address.cron})
 * @param feedbackCron      Quartz cron of the daily feedback check ({@code schedule.reminders.feedback.cron})
 * @param daysBefore        how many days before a feedback deadline the boards are reminded
 * @param ombudsmanAddress  where the ombudsman's messages go when no member holds the OMBUDSMAN role
 * @param registerUrl       the party's member register, where officers correct addresses
 * @param zone              the district's time zone: "this month" and "today" are taken there
 */
public record ReminderConfig(String addressCron, String feedbackCron, int daysBefore, Optional<String> ombudsmanAddress,
                             String registerUrl, ZoneId zone) {

    public static ReminderConfig from(Config c) {
        String zone = c.string("letters.timezone", "Europe/Stockholm");
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("the configuration key letters.timezone is '" + zone + "' but must be a time zone such as Europe/Stockholm");
        }
        Optional<String> ombudsman = c.optional("mail.ombudsman.address").map(String::strip).filter(s -> !s.isEmpty());
        ombudsman.ifPresent(a -> {
            if (!a.matches("[^\\s@<>,\"]+@[^\\s@<>,\"]+\\.[^\\s@<>,\"]+")) {
                throw new ConfigException("the configuration key mail.ombudsman.address is '" + a
                        + "' but must be one e-mail address such as ombudsman@varmland.example.org (" + Config.envName("mail.ombudsman.address") + ")");
            }
        });
        String url = c.string("reminders.register.url", "https://medlemsregistret.example.org").strip();
        if (!url.matches("https?://\\S+")) {
            throw new ConfigException("the configuration key reminders.register.url is '" + url
                    + "' but must be an http(s) address (" + Config.envName("reminders.register.url") + ")");
        }
        return new ReminderConfig(cron(c, "schedule.reminders.address.cron", "0 0 9 1 * ?"),
                cron(c, "schedule.reminders.feedback.cron", "0 0 8 * * ?"),
                c.integer("reminders.feedback.days.before", 3, 0, 60), ombudsman, url, z);
    }

    private static String cron(Config c, String key, String fallback) {
        return c.cron(key, fallback);
    }
}
