package se.utskick.replies;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The feedback on one board letter (or targeted mailing to boards): for every association it went
 * to, the replies of its board recipients (oldest first; empty if it has not answered yet).
 * Auto-replies and bounces never count. Contains personal data (who answered): print it, never log it.
 */
public record Feedback(long letterId, String subject, Optional<LocalDate> deadline, List<AssociationFeedback> associations) {

    public record AssociationFeedback(long associationId, String name, List<LoggedMessage> replies) {
        public boolean answered() {
            return !replies.isEmpty();
        }
    }

    public long answered() {
        return associations.stream().filter(AssociationFeedback::answered).count();
    }

    public int expected() {
        return associations.size();
    }
}
