package se.utskick.register;

import java.util.List;

/**
 * One association for the staff's association page.
 *
 * @param roleHolders its active members who hold a role (board, chair, membership officer, policy
 *                    lead, district roles), ordered by their first role, then name
 * @param problems    its count of active members and of those whose address does not work
 */
public record AssociationCard(int id, String name, Region region, List<MemberView> roleHolders, AddressProblems problems) {
    public AssociationCard {
        roleHolders = List.copyOf(roleHolders);
    }
}
