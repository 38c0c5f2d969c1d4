package se.utskick.letters;

import java.time.LocalDateTime;

/**
 * An event (arrangemang). {@code associationId}/{@code associationName} are null for the district's
 * own events; {@code endsAt} may be null. Times are local to the district's time zone.
 */
public record Event(long id, Integer associationId, String associationName, String title,
                    LocalDateTime startsAt, LocalDateTime endsAt, String place, String description, EventState state) {
}
