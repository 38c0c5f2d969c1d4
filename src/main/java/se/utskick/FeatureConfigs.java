package se.utskick;

import se.utskick.assembly.AssemblyConfig;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.letters.LettersConfig;
import se.utskick.register.RegisterConfig;
import se.utskick.reminders.ReminderConfig;
import se.utskick.replies.RepliesConfig;
import se.utskick.schedule.ScheduleConfig;
import se.utskick.users.UsersConfig;

/**
 * Every feature's settings read once, before any server starts: a wrong value fails the start in a
 * moment with the key's name ({@link ConfigException}). A feature with settings adds its check here.
 */
final class FeatureConfigs {
    private FeatureConfigs() {
    }

    /** Reads each feature's configuration from {@code config}; throws on the first wrong value. */
    static void checkAll(Config config) {
        Keyring.from(config);
        RegisterConfig.from(config);
        LettersConfig.from(config);
        DeliveryConfig.from(config);
        RepliesConfig.from(config);
        ReminderConfig.from(config);
        AssemblyConfig.from(config);
        ScheduleConfig.from(config);
        UsersConfig.from(config);
        se.utskick.associations.AssociationsConfig.from(config);
        se.utskick.web.WebConfig.from(config);
    }
}
