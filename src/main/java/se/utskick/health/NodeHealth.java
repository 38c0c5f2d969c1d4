package se.utskick.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's health: every probe, asked in order. The node is up when no probe FAILs; a WARN
 * (a reply poll that failed once, a letter that waits) is reported but keeps it up, so an
 * orchestrator does not restart a node for something a restart cannot fix.
 */
public final class NodeHealth {
    private final List<Probe> probes;
    private final Clock clock;

    public NodeHealth(List<Probe> probes, Clock clock) {
        this.probes = List.copyOf(probes);
        this.clock = clock;
    }

    public Report report() {
        List<Check> checks = new ArrayList<>();
        for (Probe p : probes) {
            try {
                checks.add(p.check());
            } catch (RuntimeException e) {
                checks.add(Check.fail(p.getClass().getSimpleName(), "could not be checked: " + e.getClass().getSimpleName()));
            }
        }
        return new Report(clock.instant(), checks);
    }

    /** What {@link #report} found; {@link #up} is what {@code /health} answers with 200 or 503. */
    public record Report(Instant at, List<Check> checks) {
        public boolean up() {
            return checks.stream().noneMatch(c -> c.status() == Check.Status.FAIL);
        }

        /** {"status":"UP","at":"…","checks":[{"name":…,"status":…,"detail":…}]}: names and details are escaped. */
        public String json() {
            StringBuilder b = new StringBuilder("{\"status\":\"").append(up() ? "UP" : "DOWN")
                    .append("\",\"at\":\"").append(at).append("\",\"checks\":[");
            for (int i = 0; i < checks.size(); i++) {
                Check c = checks.get(i);
                b.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(c.name()))
                        .append(",\"status\":\"").append(c.status()).append("\",\"detail\":").append(quote(c.detail())).append('}');
            }
            return b.append("]}").toString();
        }

        private static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char ch : (s == null ? "" : s).toCharArray()) {
                switch (ch) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    default -> {
                        if (ch < 0x20) {
                            b.append(String.format("\\u%04x", (int) ch));
                        } else {
                            b.append(ch);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
