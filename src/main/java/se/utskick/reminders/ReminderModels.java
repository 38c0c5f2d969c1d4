package se.utskick.reminders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.letters.ReminderContent;

/**
 * What the reminder templates see as {@code reminder}: always {@code purpose} and
 * {@code registerUrl}; in a missing-address reminder, for an association's officer, also
 * {@code association}, {@code count} and {@code members} (each: {@code name}, {@code number},
 * {@code value} — the address as the register has it, absent when missing — {@code status} in
 * Swedish, and {@code problem} and {@code detail}, absent when none: see {@link ProblemCodes}; the
 * templates say each problem in Swedish). Read live from the register when the letter is
 * prepared, so it lists exactly who needs fixing at sending time. Thread-safe.
 */
final class ReminderModels implements ReminderContent {
    private static final Map<String, String> STATUS = Map.of("MISSING", "saknas", "INVALID", "felaktig", "BOUNCED", "studsar");
    private final ReminderStore store;
    private final String registerUrl;

    ReminderModels(ReminderStore store, String registerUrl) {
        this.store = store;
        this.registerUrl = registerUrl;
    }

    @Override
    public Map<String, Object> model(long letterId, Long associationId) {
        Map<String, Object> m = new HashMap<>();
        Purpose purpose = store.purposeOf(letterId).orElse(null);
        m.put("purpose", purpose == null ? "NONE" : purpose.name());
        m.put("registerUrl", registerUrl);
        if (purpose == Purpose.ADDRESSES && associationId != null) {
            List<Map<String, Object>> members = store.problems(associationId).stream().map(ReminderModels::member).toList();
            if (!members.isEmpty()) {
                m.put("association", store.associationNames().getOrDefault(associationId, "föreningen"));
                m.put("count", members.size());
                m.put("members", members);
            }
        }
        return m;
    }

    private static Map<String, Object> member(ReminderStore.Problem p) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", (p.firstName() + " " + p.lastName()).strip());
        m.put("number", p.number());
        if (p.value() != null && !p.value().isBlank()) {
            m.put("value", p.value());
        }
        m.put("status", STATUS.getOrDefault(p.status(), p.status()));
        m.putAll(ProblemCodes.of(p.reason()));
        return m;
    }
}
