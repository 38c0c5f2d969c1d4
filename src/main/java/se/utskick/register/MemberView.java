package se.utskick.register;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A member as the command line lists them (personal data: for the operator's screen, not for logs).
 *
 * @param email       the normalised address, or the raw value when it is not usable, or null
 * @param emailReason why the address is not usable, or null
 */
public record MemberView(long id, String number, String firstName, String lastName, String association,
                         EmailStatus emailStatus, String email, String emailReason, LocalDateTime emailSince,
                         MemberStatus status, List<RoleAssignment> roles) {
    public MemberView {
        roles = List.copyOf(roles);
    }
}
