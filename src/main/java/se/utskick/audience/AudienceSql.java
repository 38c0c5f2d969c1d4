package se.utskick.audience;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import se.utskick.delivery.RecipientSource.Query;
import se.utskick.register.AddressRule;

/**
 * The set-based SQL of a rule. Two shapes: with no roles a plain scan of {@code member} (one row per
 * person by construction); with roles a join over {@code member_role} grouped by person, so that a
 * person with several matching roles is one recipient, answering for the lowest-numbered of their
 * matching associations.
 */
final class AudienceSql {
    /** The register's rule: an active member with a usable address. */
    private static final String ELIGIBLE = AddressRule.USABLE;
    private static final String SUBSCRIBED = " AND m.unsubscribed_at IS NULL";

    private AudienceSql() {
    }

    /** The recipients: member_id, email, first_name, last_name, association_id. */
    static Query recipients(Rule rule, boolean membersLetter) {
        List<Object> params = new ArrayList<>();
        String where = ELIGIBLE + (membersLetter ? SUBSCRIBED : "") + filters(rule, params);
        if (rule.roles().isEmpty()) {
            return new Query("SELECT m.id AS member_id, m.email, m.first_name, m.last_name, m.association_id"
                    + from(rule) + " WHERE " + where, params);
        }
        List<Object> all = new ArrayList<>();
        String roleFilter = roleFilter(rule.roles(), "r", all);
        all.addAll(params);
        return new Query("SELECT m.id AS member_id, m.email, m.first_name, m.last_name, MIN(" + assoc(rule)
                + ") AS association_id" + from(rule) + " WHERE " + roleFilter + " AND " + where
                + " GROUP BY m.id, m.email, m.first_name, m.last_name", all);
    }

    /** The people left out, one row each: member_number, first_name, last_name, reason; by reason then number. */
    static Query leftOut(Rule rule, boolean membersLetter, int limit) {
        List<Object> params = new ArrayList<>();
        String roleFilter = rule.roles().isEmpty() ? "1 = 1" : roleFilter(rule.roles(), "r", params);
        String sql = "SELECT DISTINCT m.member_number, m.first_name, m.last_name, " + reason(membersLetter) + " AS reason"
                + from(rule) + " WHERE " + roleFilter + filters(rule, params)
                + " AND NOT (" + ELIGIBLE + (membersLetter ? SUBSCRIBED : "") + ") ORDER BY reason, m.member_number LIMIT " + limit;
        return new Query(sql, params);
    }

    private static String reason(boolean membersLetter) {
        return "CASE WHEN m.status = 'LEFT' THEN 'LEFT' WHEN NOT (" + AddressRule.usableAddress("m") + ") THEN m.email_status "
                + (membersLetter ? "WHEN m.unsubscribed_at IS NOT NULL THEN 'UNSUBSCRIBED' " : "") + "ELSE 'INCLUDED' END";
    }

    /** One row per reason (LEFT, MISSING, INVALID, BOUNCED, UNSUBSCRIBED or INCLUDED) with its count of people. */
    static Query reasons(Rule rule, boolean membersLetter) {
        List<Object> params = new ArrayList<>();
        String reason = reason(membersLetter);
        String roleFilter = rule.roles().isEmpty() ? "1 = 1" : roleFilter(rule.roles(), "r", params);
        String sql = "SELECT " + reason + " AS reason, COUNT(DISTINCT m.id) AS people" + from(rule)
                + " WHERE " + roleFilter + filters(rule, params) + " GROUP BY reason";
        return new Query(sql, params);
    }

    private static String from(Rule rule) {
        String from = rule.roles().isEmpty() ? " FROM member m" : " FROM member_role r JOIN member m ON m.id = r.member_id";
        if (!rule.regions().isEmpty()) {
            from += " JOIN association a ON a.id = " + assoc(rule);
        }
        return from;
    }

    /** The association a person answers for under this rule. */
    private static String assoc(Rule rule) {
        return rule.roles().isEmpty() ? "m.association_id" : "COALESCE(r.association_id, m.association_id)";
    }

    private static String filters(Rule rule, List<Object> params) {
        StringBuilder w = new StringBuilder();
        if (!rule.associationIds().isEmpty()) {
            w.append(" AND ").append(assoc(rule)).append(" IN (").append(marks(rule.associationIds())).append(')');
            params.addAll(rule.associationIds());
        }
        if (!rule.regions().isEmpty()) {
            w.append(" AND a.region IN (").append(marks(rule.regions())).append(')');
            params.addAll(rule.regions());
        }
        if (!rule.excludeAssociationIds().isEmpty()) {
            w.append(" AND (").append(assoc(rule)).append(" IS NULL OR ").append(assoc(rule))
                    .append(" NOT IN (").append(marks(rule.excludeAssociationIds())).append("))");
            params.addAll(rule.excludeAssociationIds());
        }
        if (!rule.excludeRoles().isEmpty()) {
            w.append(" AND NOT EXISTS (SELECT 1 FROM member_role xr WHERE xr.member_id = m.id AND ")
                    .append(roleFilter(rule.excludeRoles(), "xr", params)).append(')');
        }
        return w.toString();
    }

    /**
     * The roles as a condition on {@code alias} (a member_role row): plain roles by name, a
     * {@link Rule#policyLead} role as a policy lead of that area (the column's collation ignores case).
     */
    private static String roleFilter(java.util.Set<String> roles, String alias, List<Object> params) {
        List<String> plain = roles.stream().filter(r -> Rule.policyArea(r).isEmpty()).toList();
        List<String> parts = new ArrayList<>();
        if (!plain.isEmpty()) {
            parts.add(alias + ".role IN (" + marks(plain) + ")");
            params.addAll(plain);
        }
        for (String r : roles) {
            Rule.policyArea(r).ifPresent(area -> {
                parts.add("(" + alias + ".role = 'POLICY_LEAD' AND " + alias + ".policy_area = ?)");
                params.add(area);
            });
        }
        return "(" + String.join(" OR ", parts) + ")";
    }

    private static String marks(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
