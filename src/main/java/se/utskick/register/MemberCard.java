package se.utskick.register;

import java.time.LocalDateTime;

/**
 * One member for the staff's member page (personal data: for the screen, never for logs).
 *
 * @param associationId  the member's association, or null
 * @param unsubscribedAt when they unsubscribed from the members' letter, or null if they receive it
 */
public record MemberCard(MemberView member, Integer associationId, LocalDateTime unsubscribedAt) {
    public boolean unsubscribed() {
        return unsubscribedAt != null;
    }
}
