package se.utskick.register;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One role as written in the register export's role column ({@code Uppdrag}), which lists a member's
 * roles separated by commas, a policy lead with its area after a colon:
 * {@code Ordförande, Distriktsstyrelse, Politikansvarig: feminism}. Association-level roles serve
 * the member's own association. A policy area can therefore not contain a comma.
 *
 * @param policyArea the policy area of a POLICY_LEAD, else the empty string
 */
public record RoleAssignment(Role role, String policyArea) {

    public RoleAssignment {
        policyArea = policyArea == null ? "" : policyArea.strip();
    }

    /** Parses the whole column; throws {@link IllegalArgumentException} with a message fit for a line error. */
    static Set<RoleAssignment> parseColumn(String text) {
        Set<RoleAssignment> roles = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return roles;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon);
            String area = colon < 0 ? "" : part.substring(colon + 1).strip();
            Role role = Role.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown role '" + name.strip() + "'; known roles: " + labels()));
            if (role == Role.POLICY_LEAD && area.isEmpty()) {
                throw new IllegalArgumentException("'" + part.strip() + "' lacks its policy area; write e.g. "
                        + Role.POLICY_LEAD.label() + ": feminism");
            }
            if (role != Role.POLICY_LEAD && !area.isEmpty()) {
                throw new IllegalArgumentException("only " + Role.POLICY_LEAD.label() + " takes an area after ':', not '"
                        + part.strip() + "'");
            }
            if (area.length() > 100) {
                throw new IllegalArgumentException("the policy area '" + area.substring(0, 20) + "…' is longer than 100 characters");
            }
            roles.add(new RoleAssignment(role, area));
        }
        return roles;
    }

    /** The column text for these roles, in enum order so an export is stable. */
    static String formatColumn(Iterable<RoleAssignment> roles) {
        List<RoleAssignment> sorted = new ArrayList<>();
        roles.forEach(sorted::add);
        sorted.sort((a, b) -> a.role != b.role ? a.role.compareTo(b.role) : a.policyArea.compareTo(b.policyArea));
        return sorted.stream().map(RoleAssignment::label).collect(Collectors.joining(", "));
    }

    public String label() {
        return policyArea.isEmpty() ? role.label() : role.label() + ": " + policyArea;
    }

    private static String labels() {
        return java.util.Arrays.stream(Role.values()).map(Role::label).collect(Collectors.joining(", "));
    }
}
