package se.utskick.associations;

import java.time.LocalDateTime;

/**
 * An event an association sent in from its page, with its state ({@code PROPOSED}, {@code APPROVED}
 * or {@code REFUSED}) and, when refused, the ombudsman's reason. Getters for the page templates.
 */
public record SentEvent(long id, long associationId, String associationName, String title, LocalDateTime startsAt,
                        LocalDateTime endsAt, String place, String description, String state, EventKind kind,
                        String refusalReason) {
}
