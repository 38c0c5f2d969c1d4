package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.ConfigException;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;

/**
 * Issue 12, finding 3, through the composition root: {@code register.import.max-leave-percent} decides
 * which full import is a mass leave; {@link ImportOptions#withAllowMassLeave} confirms one; a file with
 * no member lines is refused even then and needs {@link ImportOptions#withAllowEmpty}.
 */
class ImportGuardTest {
    private final Database db = TestDatabase.fresh();

    @AfterEach
    void close() {
        db.close();
    }

    private Utskick app(String... overrides) {
        Map<String, String> m = new HashMap<>();
        m.put("security.secret", se.utskick.TestSecret.VALUE);
        for (int i = 0; i < overrides.length; i += 2) {
            m.put(overrides[i], overrides[i + 1]);
        }
        return Utskick.wire(Config.of(m), db);
    }

    private int active() {
        return db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM member WHERE status = 'ACTIVE'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void fullImportAboveTheShareIsRefusedWithTheNumbersUnlessConfirmed() {
        Register register = app().register();
        register.importFile(BadRegisterFilesTest.resource("good.csv"), ImportOptions.defaults());
        var half = BadRegisterFilesTest.resource("36-cut-in-half.csv");

        MassLeaveException e = assertThrows(MassLeaveException.class, () -> register.importFile(half, ImportOptions.defaults()));
        assertEquals(List.of(10, 20, 10), List.of(e.wouldLeave(), e.active(), e.thresholdPercent()));
        assertEquals(20, active(), "nothing changed");
        ImportReport dry = register.importFile(half, ImportOptions.defaults().withDryRun(true));
        assertEquals(10, dry.left(), "a dry run reports the leave");

        Register lenient = app("register.import.max-leave-percent", "50").register();
        assertEquals(10, lenient.importFile(half, ImportOptions.defaults()).left(), "50% is not more than 50%");
        assertEquals(10, active());
        assertEquals(10, register.importFile(BadRegisterFilesTest.resource("good.csv"), ImportOptions.defaults().withAllowMassLeave(true))
                .updated(), "back again: 10 rejoined (+100% is no leave)");
        assertEquals(10, register.importFile(half, ImportOptions.defaults().withAllowMassLeave(true)).left(), "confirmed");
    }

    @Test
    void fileWithoutMemberLinesNeedsItsOwnConfirmation() {
        Register register = app().register();
        register.importFile(BadRegisterFilesTest.resource("good.csv"), ImportOptions.defaults());
        var empty = BadRegisterFilesTest.resource("03-header-then-blank-lines.csv");
        for (ImportOptions o : List.of(ImportOptions.defaults(), ImportOptions.defaults().withAllowMassLeave(true),
                ImportOptions.defaults().withPartial(true))) {
            ImportException e = assertThrows(ImportException.class, () -> register.importFile(empty, o));
            assertEquals(2, e.errors().get(0).line());
            assertTrue(e.getMessage().contains("--allow-mass-leave does not allow it") && e.getMessage().contains("--empty-register"),
                    e.getMessage());
            assertEquals(20, active());
        }
        assertEquals(20, register.importFile(empty, ImportOptions.defaults().withAllowEmpty(true)).left());
        assertEquals(0, active());
    }

    @Test
    void badValuesOfTheNewKeysNameTheKey() {
        ConfigException share = assertThrows(ConfigException.class, () -> app("register.import.max-leave-percent", "150"));
        assertTrue(share.getMessage().contains("register.import.max-leave-percent"), share.getMessage());
        ConfigException retention = assertThrows(ConfigException.class, () -> app("register.left.retention", "0d"));
        assertTrue(retention.getMessage().contains("register.left.retention"), retention.getMessage());
        ConfigException garbled = assertThrows(ConfigException.class, () -> app("register.left.retention", "two years"));
        assertTrue(garbled.getMessage().contains("register.left.retention"), garbled.getMessage());
    }

    @Test
    void malformedFilesAreRefusedThroughTheCompositionRootAndChangeNothing() {
        Register register = app().register();
        register.importFile(BadRegisterFilesTest.resource("good.csv"), ImportOptions.defaults());
        for (String[] c : new String[][] {{"28-terminal-escape-esc.csv", "line 5, column Efternamn: contains ESC"},
                {"07-truncated-mid-quote.csv", "line 13: a quoted field that starts on this line is never closed"},
                {"13-binary-garbage.csv", "line 1: the file is not text"},
                {"26-line-break-in-name.csv", "line 4, column Förnamn: contains a line break"}}) {
            ImportException e = assertThrows(ImportException.class,
                    () -> register.importFile(BadRegisterFilesTest.resource(c[0]), ImportOptions.defaults().withAllowMassLeave(true)));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertEquals(20, active());
        }
        java.nio.file.Path spaced = BadRegisterFilesTest.resource("good.csv").resolveSibling("spaced-quotes.tmp");
        try {
            java.nio.file.Files.writeString(spaced, RegisterFixture.HEADER + "\n"
                    + "1001; \"Åsa\" ;Öberg;m1001@example.org;;Karlstad;Söder;2020-01-01;Ordförande\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ImportException e = assertThrows(ImportException.class, () -> register.importFile(spaced,
                ImportOptions.defaults().withPartial(true)));
        assertTrue(e.getMessage().contains("line 2, column Förnamn: a quoted value with spaces outside its quotes"), e.getMessage());
    }
}
