package se.utskick.audience;

/** One resolved recipient: the columns of the recipient SELECT. {@code associationId} may be null. */
public record AudienceMember(long memberId, String email, String firstName, String lastName, Long associationId) {
}
