package se.utskick.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import se.utskick.audience.NamedList;
import se.utskick.audience.Rule;

/**
 * Lists and rules in Swedish words from the bundle: a built-in list's name ({@code list.builtin.*}),
 * a role ({@code role.*}, a policy lead with its area), a region ({@code region.*}) and a whole
 * rule, e.g. "Ordförande i region Norr". The register's codes never reach the page.
 */
final class RuleWords {
    private final Texts texts;

    RuleWords(Texts texts) {
        this.texts = texts;
    }

    /** The list's name as people read it: the Swedish title of a built-in list, else the saved name. */
    String title(NamedList l) {
        return l.builtIn() ? texts.get("list.builtin." + l.name()) : l.name();
    }

    String role(String code) {
        return Rule.policyArea(code).map(a -> texts.get("role.POLICY_LEAD") + ": " + a).orElseGet(() -> texts.get("role." + code));
    }

    String region(String code) {
        return texts.get("region." + code);
    }

    /** The rule in words, associations by name from {@code associations}. */
    String describe(Rule rule, Map<Long, String> associations) {
        StringBuilder b = new StringBuilder(rule.roles().isEmpty() ? texts.get("rule.all") : join(inOrder(rule.roles())));
        if (!rule.associationIds().isEmpty()) {
            b.append(' ').append(texts.get("rule.in")).append(' ').append(names(rule.associationIds(), associations));
        }
        if (!rule.regions().isEmpty()) {
            b.append(' ').append(texts.get("rule.region")).append(' ').append(join(rule.regions().stream().map(this::region).toList()));
        }
        if (!rule.excludeRoles().isEmpty()) {
            b.append(", ").append(texts.get("rule.except")).append(' ').append(join(inOrder(rule.excludeRoles())));
        }
        if (!rule.excludeAssociationIds().isEmpty()) {
            b.append(", ").append(texts.get("rule.except")).append(' ').append(names(rule.excludeAssociationIds(), associations));
        }
        return b.toString();
    }

    /** Roles in the register's order (Ordförande first), a policy lead's areas after the plain roles. */
    private List<String> inOrder(Collection<String> roles) {
        return roles.stream().sorted(java.util.Comparator.comparingInt((String r) -> Rule.policyArea(r).isPresent()
                ? Integer.MAX_VALUE : se.utskick.register.Role.valueOf(r).ordinal()).thenComparing(r -> r))
                .map(this::role).toList();
    }

    private String names(Collection<Integer> ids, Map<Long, String> associations) {
        return join(ids.stream().map(id -> associations.getOrDefault(id.longValue(), "#" + id)).toList());
    }

    private String join(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + texts.get("rule.and") + " " + words.getLast();
    }
}
