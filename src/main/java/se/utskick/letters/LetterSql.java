package se.utskick.letters;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The letters feature's named queries ({@code sql/letters.sql}); most of its SQL is still built in its classes. */
final class LetterSql {
    static final NamedQueries QUERIES = NamedQueries.load("letters", Map.of());
    static final Sql SET_FEEDBACK_REQUEST = QUERIES.get("letters.set_feedback_request");
    static final Sql SET_FEEDBACK_DEADLINE = QUERIES.get("letters.set_feedback_deadline");

    private LetterSql() {
    }
}
