package se.utskick.letters;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The letters feature's named queries ({@code sql/letters.sql}); the rest of its SQL is still built in its classes. */
final class LetterSql {
    static final NamedQueries QUERIES = NamedQueries.load("letters", Map.of());
    static final Sql SET_FEEDBACK_REQUEST = QUERIES.get("letters.set_feedback_request");
    static final Sql SET_FEEDBACK_DEADLINE = QUERIES.get("letters.set_feedback_deadline");
    static final Sql INSERT = QUERIES.get("letters.insert");
    static final Sql FIND = QUERIES.get("letters.find");
    static final Sql FIND_FOR_PERIOD = QUERIES.get("letters.find_for_period");
    static final Sql RECENT_LETTERS = QUERIES.get("letters.recent_letters");
    static final Sql RECENT_IDS = QUERIES.get("letters.recent_ids");
    static final Sql ITEMS = QUERIES.get("letters.items");
    static final Sql SETTINGS = QUERIES.get("letters.settings");
    static final Sql DELETE_DRAFT = QUERIES.get("letters.delete_draft");
    static final Sql SENT_WITH_DEADLINE = QUERIES.get("letters.sent_with_deadline");
    static final Sql ASSOCIATION_NAMES = QUERIES.get("letters.association_names");
    static final Sql EVENT_INSERT = QUERIES.get("letters.event_insert");
    static final Sql EVENT_UPDATE = QUERIES.get("letters.event_update");
    static final Sql EVENT_APPROVE = QUERIES.get("letters.event_approve");
    static final Sql EVENT_REFUSE = QUERIES.get("letters.event_refuse");
    static final Sql EVENT_GET = QUERIES.get("letters.event_get");
    static final Sql EVENT_BETWEEN_APPROVED = QUERIES.get("letters.event_between_approved");
    static final Sql EVENT_BETWEEN = QUERIES.get("letters.event_between");
    static final Sql TEMPLATES_FORGET = QUERIES.get("letters.templates_forget");
    static final Sql TEMPLATE_INSERT = QUERIES.get("letters.template_insert");
    static final Sql TEMPLATES = QUERIES.get("letters.templates");
    static final Sql MARK_AUTOMATIC = QUERIES.get("letters.mark_automatic");
    static final Sql AUTOMATIC = QUERIES.get("letters.automatic");

    private LetterSql() {
    }
}
