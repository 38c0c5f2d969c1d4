package se.utskick.reminders;

/**
 * One recipient of a reminder letter as decided by this feature.
 *
 * @param memberId      null for an address outside the register ({@code mail.ombudsman.address})
 * @param associationId the association whose content the recipient gets; null for the ombudsman
 */
record Recipient(Long memberId, Long associationId, String email, String firstName, String lastName) {
}
