package se.utskick.register;

import java.util.Map;

/**
 * Counts only, no personal data: what {@code register show} prints and the demo reports.
 *
 * @param emailStatus address status counts of ACTIVE members
 * @param roles       role holders per role, active members only
 */
public record RegisterSummary(int associations, Map<Region, Integer> associationsByRegion, int activeMembers,
                              int leftMembers, Map<EmailStatus, Integer> emailStatus, Map<Role, Integer> roles,
                              int unsubscribed) {
    public RegisterSummary {
        associationsByRegion = Map.copyOf(associationsByRegion);
        emailStatus = Map.copyOf(emailStatus);
        roles = Map.copyOf(roles);
    }
}
