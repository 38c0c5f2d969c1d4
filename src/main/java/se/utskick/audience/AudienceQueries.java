package se.utskick.audience;

import java.util.Map;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The audience feature's named queries ({@code sql/audience.sql}); the rules' SQL is {@link AudienceSql}'s, built per rule. */
final class AudienceQueries {
    static final NamedQueries QUERIES = NamedQueries.load("audience", Map.of());
    static final Sql LIST_INSERT = QUERIES.get("audience.list_insert");
    static final Sql LIST_FIND = QUERIES.get("audience.list_find");
    static final Sql LIST_ALL = QUERIES.get("audience.list_all");
    static final Sql LIST_UPDATE = QUERIES.get("audience.list_update");
    static final Sql LIST_DELETE = QUERIES.get("audience.list_delete");
    static final Sql LIST_ID_LOCKED = QUERIES.get("audience.list_id_locked");
    static final Sql ASSOCIATION_ID = QUERIES.get("audience.association_id");
    static final Sql ASSOCIATION_NAME = QUERIES.get("audience.association_name");
    static final Sql ASSOCIATION_EXISTS = QUERIES.get("audience.association_exists");
    static final Sql POLICY_AREAS = QUERIES.get("audience.policy_areas");

    private AudienceQueries() {
    }
}
