package se.utskick.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;

/**
 * Guards the reminders' settings: the defaults (monthly address reminders, a daily feedback check,
 * three days before the deadline), and every bad value refused at start with a message naming its key.
 */
class ReminderConfigTest {

    private static ConfigException refused(String key, String value) {
        return assertThrows(ConfigException.class, () -> ReminderConfig.from(Config.of(Map.of(key, value))));
    }

    @Test
    void defaultsAreMonthlyAddressRemindersAndADailyFeedbackCheckThreeDaysAhead() {
        ReminderConfig c = ReminderConfig.from(Config.of(Map.of()));
        assertEquals("0 0 9 1 * ?", c.addressCron());
        assertEquals("0 0 8 * * ?", c.feedbackCron());
        assertEquals(3, c.daysBefore());
        assertEquals(Optional.empty(), c.ombudsmanAddress());
    }

    @Test
    void cronTypoIsRefusedNamingTheKey() {
        ConfigException e = refused("schedule.reminders.address.cron", "0 0 9 1 * * *?");
        assertTrue(e.getMessage().contains("schedule.reminders.address.cron") && e.getMessage().contains("cron"), e.getMessage());
        ConfigException f = refused("schedule.reminders.feedback.cron", "daily");
        assertTrue(f.getMessage().contains("schedule.reminders.feedback.cron"), f.getMessage());
    }

    @Test
    void negativeOrWordyDaysBeforeAreRefusedNamingTheKey() {
        assertTrue(refused("reminders.feedback.days.before", "-1").getMessage().contains("reminders.feedback.days.before"));
        assertTrue(refused("reminders.feedback.days.before", "three").getMessage().contains("reminders.feedback.days.before"));
    }

    @Test
    void ombudsmanAddressThatIsNotOneAddressIsRefused() {
        ConfigException e = refused("mail.ombudsman.address", "ombudsman@example.org, chef@example.org");
        assertTrue(e.getMessage().contains("mail.ombudsman.address"), e.getMessage());
        assertTrue(refused("mail.ombudsman.address", "ombudsman@example.org\r\nBcc: x@example.org").getMessage()
                .contains("mail.ombudsman.address"));
    }

    @Test
    void registerUrlMustBeAWebAddress() {
        assertTrue(refused("reminders.register.url", "javascript:alert(1)").getMessage().contains("reminders.register.url"));
    }

    @Test
    void aValidCronIsKeptAsWritten() {
        ReminderConfig c = ReminderConfig.from(Config.of(Map.of("schedule.reminders.address.cron", " 0 30 7 2 * ? ")));
        assertEquals("0 30 7 2 * ?", c.addressCron());
    }
}
