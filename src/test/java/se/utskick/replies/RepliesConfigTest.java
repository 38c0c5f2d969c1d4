package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;

/** Guards the replies settings: sane defaults, and every bad value refused naming its key. */
class RepliesConfigTest {

    private static ConfigException bad(String key, String value) {
        return assertThrows(ConfigException.class, () -> RepliesConfig.from(Config.of(Map.of(key, value))));
    }

    @Test
    void shippedConfigurationFileGivesTheDefaults() {
        RepliesConfig c = RepliesConfig.from(Config.load(Path.of("config", "utskick.properties"), Map.of()));

        assertTrue(c.host().isEmpty());
        assertEquals(RepliesConfig.Protocol.IMAPS, c.protocol());
        assertEquals(993, c.port());
        assertEquals(Duration.ofDays(180), c.retention());
        assertEquals(5, c.softBounceThreshold());
    }

    @Test
    void plainImapDefaultsToPort143WithStartTls() {
        RepliesConfig c = RepliesConfig.from(Config.of(Map.of("replies.imap.protocol", "imap")));

        assertEquals(143, c.port());
        assertTrue(c.startTls());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertTrue(bad("replies.imap.protocol", "pop3").getMessage().contains("replies.imap.protocol"));
        assertTrue(bad("replies.imap.port", "99999").getMessage().contains("replies.imap.port"));
        assertTrue(bad("replies.poll.interval", "0s").getMessage().contains("replies.poll.interval"));
        assertTrue(bad("replies.retention", "soon").getMessage().contains("replies.retention"));
        assertTrue(bad("replies.bounce.soft.threshold", "0").getMessage().contains("replies.bounce.soft.threshold"));
        assertTrue(bad("replies.imap.folders", " , ").getMessage().contains("replies.imap.folders"));
        assertTrue(bad("replies.imap.processed.folder", "INBOX").getMessage().contains("replies.imap.processed.folder"));
    }

    @Test
    void passwordIsNotPrinted() {
        RepliesConfig c = RepliesConfig.from(Config.of(Map.of("replies.imap.password", "hemligt-lösen")));

        assertFalse(c.toString().contains("hemligt"));
    }
}
