package se.utskick.audience;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.utskick.register.Region;
import se.utskick.register.Role;

/**
 * An audience rule: people holding any of {@code roles} (or, with no roles, every member), in any
 * of {@code associationIds} and {@code regions} when given, minus anyone holding one of
 * {@code excludeRoles} and anyone answering for one of {@code excludeAssociationIds}.
 *
 * <p>With roles, "the association" of a person is the one the role is held in (district-level roles
 * have none: then the person's own association counts). Immutable; its textual form
 * ({@link #format}/{@link #parse}) is what the database keeps.
 */
public record Rule(Set<String> roles, Set<Integer> associationIds, Set<String> regions,
                   Set<String> excludeRoles, Set<Integer> excludeAssociationIds) {

    /** The roles of the register (member_role.role). */
    public static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    public static final Set<String> KNOWN_REGIONS = Arrays.stream(Region.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    public Rule {
        roles = sorted(roles);
        associationIds = sorted(associationIds);
        regions = sorted(regions);
        excludeRoles = sorted(excludeRoles);
        excludeAssociationIds = sorted(excludeAssociationIds);
        for (String r : concat(roles, excludeRoles)) {
            if (!KNOWN_ROLES.contains(r) && policyArea(r).isEmpty()) {
                throw new AudienceException("unknown role '" + r + "'; known roles: " + names(KNOWN_ROLES));
            }
        }
        for (String r : regions) {
            if (!KNOWN_REGIONS.contains(r)) {
                throw new AudienceException("unknown region '" + r + "'; known regions: north (norr), south (söder)");
            }
        }
    }

    /** The prefix of a role that selects the policy leads of one area: {@code POLICY_LEAD:feminism}. */
    public static final String AREA_PREFIX = "POLICY_LEAD:";

    /**
     * The role that selects the policy leads of {@code area} only ({@code POLICY_LEAD:feminism});
     * plain {@code POLICY_LEAD} selects every policy lead.
     *
     * @throws AudienceException if the area is empty, longer than 100 or holds {@code , ; =}
     */
    public static String policyLead(String area) {
        String a = area == null ? "" : area.strip();
        if (a.isEmpty() || a.length() > 100 || a.chars().anyMatch(ch -> ch == ',' || ch == ';' || ch == '=' || Character.isISOControl(ch))) {
            throw new AudienceException("a policy area must be 1-100 characters without ',', ';' or '='");
        }
        return AREA_PREFIX + a;
    }

    /** The area of a {@link #policyLead} role, or empty for any other role. */
    public static java.util.Optional<String> policyArea(String role) {
        if (role.startsWith(AREA_PREFIX) && role.length() > AREA_PREFIX.length()) {
            String a = role.substring(AREA_PREFIX.length());
            return a.chars().anyMatch(ch -> ch == ',' || ch == ';' || ch == '=') ? java.util.Optional.empty() : java.util.Optional.of(a);
        }
        return java.util.Optional.empty();
    }

    /** Every member of the district. */
    public static Rule allMembers() {
        return new Rule(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static Rule ofRoles(String... roles) {
        return new Rule(Set.of(roles), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public Rule inAssociations(Collection<Integer> ids) {
        return new Rule(roles, Set.copyOf(ids), regions, excludeRoles, excludeAssociationIds);
    }

    public Rule inRegions(Collection<String> rs) {
        return new Rule(roles, associationIds, Set.copyOf(rs), excludeRoles, excludeAssociationIds);
    }

    public Rule excluding(Collection<String> rolesOut, Collection<Integer> associationsOut) {
        return new Rule(roles, associationIds, regions, Set.copyOf(rolesOut), Set.copyOf(associationsOut));
    }

    /** A role as typed on the command line ({@code board-member}, {@code chair}, or the Swedish {@code ordförande}) to its register name. */
    public static String roleName(String typed) {
        for (Role r : Role.values()) {
            if (r.label().equalsIgnoreCase(typed.strip())) {
                return r.name();
            }
        }
        return typed.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** A region as typed ({@code north}, {@code norr}, {@code söder}) to its register name. */
    public static String regionName(String typed) {
        String t = typed.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "north", "norr" -> "NORTH";
            case "south", "söder", "soder" -> "SOUTH";
            default -> t.toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** {@code role=CHAIR,BOARD_MEMBER;association=3;region=NORTH;exclude-role=...;exclude-association=...}; empty = all members. */
    public String format() {
        StringBuilder b = new StringBuilder();
        part(b, "role", roles);
        part(b, "association", associationIds);
        part(b, "region", regions);
        part(b, "exclude-role", excludeRoles);
        part(b, "exclude-association", excludeAssociationIds);
        return b.toString();
    }

    public static Rule parse(String text) {
        Set<String> roles = Set.of(), regions = Set.of(), exRoles = Set.of();
        Set<Integer> assocs = Set.of(), exAssocs = Set.of();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new AudienceException("audience rule '" + text + "' is damaged at '" + part + "'");
            }
            List<String> values = Arrays.stream(part.substring(eq + 1).split(",")).map(String::strip).toList();
            switch (part.substring(0, eq).strip()) {
                case "role" -> roles = Set.copyOf(values);
                case "association" -> assocs = ints(values, text);
                case "region" -> regions = Set.copyOf(values);
                case "exclude-role" -> exRoles = Set.copyOf(values);
                case "exclude-association" -> exAssocs = ints(values, text);
                default -> throw new AudienceException("audience rule '" + text + "' has an unknown part '" + part + "'");
            }
        }
        return new Rule(roles, assocs, regions, exRoles, exAssocs);
    }

    private static Set<Integer> ints(List<String> values, String text) {
        try {
            return values.stream().map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new AudienceException("audience rule '" + text + "' has a damaged association id");
        }
    }

    private static void part(StringBuilder b, String key, Set<?> values) {
        if (!values.isEmpty()) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(key).append('=').append(values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
    }

    private static <T extends Comparable<T>> Set<T> sorted(Set<T> s) {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(s));
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String names(Set<String> roles) {
        return roles.stream().sorted().map(r -> r.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
    }
}
