package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.db.DatabaseException;
import se.utskick.db.NamedQueries;

/**
 * Every feature's named queries are prepared on the database server when the graph is wired: the
 * shipped ones all prepare, and one broken query (a column no table has, in the test resource
 * {@code sql/broken.sql}) stops the start with the query's name and the server's reason.
 */
class NamedQueriesTest {
    private final Database db = TestDatabase.fresh();
    private final Config config = Config.of(Map.of("security.secret", TestSecret.VALUE, "smtp.host", "127.0.0.1",
            "mail.domain", "varmland.example.org"));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aBrokenNamedQueryStopsTheStartWithItsName() {
        NamedQueries broken = NamedQueries.load("broken", Map.of());
        DatabaseException e = assertThrows(DatabaseException.class, () -> Utskick.wire(config, db, Clock.systemUTC(), List.of(broken)));
        assertTrue(e.getMessage().contains("'broken.missing_column'"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
    }

    @Test
    void everyShippedNamedQueryPreparesAndTheGraphIsBuilt() {
        assertTrue(Utskick.namedQueries().stream().mapToLong(q -> q.all().size()).sum() > 10);
        Utskick app = Utskick.wire(config, db);
        assertEquals(0, app.register().summary().activeMembers());
    }

    @Test
    void aFragmentIsFilledInAndOneThatIsNotGivenIsRefused() {
        NamedQueries q = NamedQueries.parse("x", "-- name: x.one\nSELECT COUNT(*) FROM member m\nWHERE {{usable}};\n",
                Map.of("usable", "m.email_status = 'OK'"));
        assertEquals("SELECT COUNT(*) FROM member m WHERE (m.email_status = 'OK')", q.get("x.one").text());
        assertEquals(0L, db.withConnection(c -> Bind.first(c, q.get("x.one"), rs -> rs.getLong(1))).orElseThrow());
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> NamedQueries.parse("x", "-- name: x.one\nSELECT {{nope}}\n", Map.of()));
        assertTrue(e.getMessage().contains("x.one") && e.getMessage().contains("{{nope}}"), e.getMessage());
    }
}
