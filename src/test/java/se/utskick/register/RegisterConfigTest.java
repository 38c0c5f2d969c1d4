package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;

/** Guards that the register's configuration maps another register's columns and refuses wrong values by key. */
class RegisterConfigTest {

    private static ConfigException refused(String key, String value) {
        return assertThrows(ConfigException.class, () -> RegisterConfig.from(Config.of(Map.of(key, value))));
    }

    @Test
    void unknownColumnMappingIsRefusedNamingTheKnownFields() {
        ConfigException e = refused("register.columns.shoe-size", "Skostorlek");
        assertTrue(e.getMessage().contains("register.columns.shoe-size names no register field"), e.getMessage());
        assertTrue(e.getMessage().contains("register.columns.member-number"), e.getMessage());
    }

    @Test
    void twoFieldsOnOneColumnAreRefused() {
        ConfigException e = refused("register.columns.phone", "E-post");
        assertTrue(e.getMessage().contains("both name the column"), e.getMessage());
    }

    @Test
    void badEncodingDelimiterAndDateFormatAreRefusedByKey() {
        assertTrue(refused("register.encoding", "latin-99").getMessage().contains("register.encoding is 'latin-99'"));
        assertTrue(refused("register.delimiter", "|").getMessage().contains("register.delimiter is '|'"));
        assertTrue(refused("register.date-format", "yyyy-qq-pp").getMessage().contains("register.date-format"));
    }

    @Test
    void anotherRegistersColumnsAreReadThroughTheMapping() {
        Config c = Config.of(Map.of("register.columns.member-number", "Medlems-ID", "register.columns.email", "Epostadress",
                "register.date-format", "dd/MM/yyyy", "register.delimiter", "tab", "register.encoding", "UTF-8"));
        try (RegisterFixture fx = new RegisterFixture(RegisterConfig.from(c))) {
            var file = fx.write("other.csv", "Medlems-ID\tFörnamn\tEfternamn\tEpostadress\tFörening\tRegion\tInträdesdatum\n"
                    + "77\tÅsa\tÖberg\tasa@example.org\tKil\tSöder\t01/03/2021\n", StandardCharsets.UTF_8);
            ImportReport r = fx.importFile(file);
            assertEquals(1, r.added());
            assertEquals("77|asa@example.org|2021-03-01", fx.one("SELECT member_number, email, joined_on FROM member"));
        }
    }

    @Test
    void shippedConfigFileGivesTheDefaults() {
        RegisterConfig shipped = RegisterConfig.from(Config.load(java.nio.file.Path.of("config", "utskick.properties"), Map.of()));
        RegisterConfig defaults = RegisterConfig.defaults();
        assertEquals(defaults.headers(), shipped.headers());
        assertEquals(defaults.encoding(), shipped.encoding());
        assertEquals(defaults.delimiter(), shipped.delimiter());
        assertEquals(defaults.datePattern(), shipped.datePattern());
    }
}
