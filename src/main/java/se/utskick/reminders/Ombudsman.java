package se.utskick.reminders;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who the ombudsman's messages go to: every active member holding the OMBUDSMAN role with a usable
 * address; failing that, {@code mail.ombudsman.address}; failing that, nobody (the job says so).
 */
final class Ombudsman {
    private final ReminderStore store;
    private final Optional<String> configured;

    Ombudsman(ReminderStore store, Optional<String> configured) {
        this.store = store;
        this.configured = configured;
    }

    /** The recipients, without an association; a member already in {@code taken} is sent to outside the register's id (no collision in one letter). */
    List<Recipient> recipients(Set<Long> taken) {
        List<Recipient> members = store.holders("OMBUDSMAN", null).stream().filter(ReminderStore.Holder::usable)
                .map(h -> new Recipient(taken.contains(h.memberId()) ? null : h.memberId(), null, h.email(), h.firstName(), h.lastName()))
                .toList();
        if (!members.isEmpty()) {
            return members;
        }
        return configured.map(a -> List.of(new Recipient(null, null, a, "Ombudsmannen", ""))).orElse(List.of());
    }
}
