package se.utskick.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import se.utskick.db.Database;

/**
 * After a benchmark's letter has finished: how its delivery rows ended (count per state, and the
 * fewest and most attempts in each), read straight from the outbox table. Read-only. "Sent exactly
 * once" in the benchmark is: every row SENT with one attempt (claimed once: a lease that ran out and
 * was claimed again would show two), the pools' recorded rows adding up to the rows frozen, and the
 * sink's count of messages received equal to the rows frozen.
 */
record OutboxCheck(Map<String, long[]> byState) {

    static OutboxCheck of(Database db, long letterId) {
        return db.withConnection(c -> {
            Map<String, long[]> states = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*), MIN(attempts), MAX(attempts) FROM delivery "
                    + "WHERE letter_id = ? GROUP BY state ORDER BY state")) {
                s.setLong(1, letterId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        states.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
                    }
                }
            }
            return new OutboxCheck(states);
        });
    }

    /** True when every one of {@code frozen} rows is SENT after exactly one attempt. */
    boolean allSentOnce(int frozen) {
        long[] sent = byState.get("SENT");
        return byState.size() == 1 && sent != null && sent[0] == frozen && sent[1] == 1 && sent[2] == 1;
    }

    /** "SENT 45005 (attempts 1-1)", every state. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        byState.forEach((state, v) -> b.append(b.isEmpty() ? "" : ", ").append(state).append(' ').append(v[0])
                .append(" (attempts ").append(v[1]).append('-').append(v[2]).append(')'));
        return b.isEmpty() ? "no rows" : b.toString();
    }
}
