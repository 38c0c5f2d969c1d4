package se.utskick.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;

/** Guards the letters settings: defaults that work, and bad values refused naming the key. */
class LettersConfigTest {

    @Test
    void defaultsAreTheDistrictsOwn() {
        LettersConfig c = LettersConfig.from(Config.of(Map.of()));
        assertEquals("Europe/Stockholm", c.zone().getId());
        assertEquals(6, c.eventWeeks());
    }

    @Test
    void unknownTimeZoneIsRefusedNamingTheKey() {
        var e = assertThrows(ConfigException.class, () -> LettersConfig.from(Config.of(Map.of("letters.timezone", "Värmland/Karlstad"))));
        assertTrue(e.getMessage().contains("letters.timezone"), e.getMessage());
        assertTrue(e.getMessage().contains("UTSKICK_LETTERS_TIMEZONE"), e.getMessage());
    }

    @Test
    void eventWeeksOutOfRangeIsRefused() {
        var e = assertThrows(ConfigException.class, () -> LettersConfig.from(Config.of(Map.of("letters.events.weeks", "0"))));
        assertTrue(e.getMessage().contains("letters.events.weeks"), e.getMessage());
    }
}
