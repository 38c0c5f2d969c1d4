package se.utskick.register;

/** One row of {@code member_role} apart from the member: the association is null for district-level roles. */
record RoleKey(Role role, Integer associationId, String policyArea) {
}
