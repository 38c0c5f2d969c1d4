package se.utskick.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/**
 * {@code GET /metrics} in the Prometheus text format (version 0.0.4): counts for following the
 * month from outside, never personal data (labels are states, kinds and job names).
 *
 * <p>These are read-only aggregates over other features' tables ({@code delivery}, {@code letter},
 * {@code inbound_message}, {@code job_run}), asked here in SQL by choice, as audience resolution
 * asks the register: counting rows by a state column decides nothing about anyone. One scrape is a
 * handful of GROUP BY queries over indexed columns.
 */
public final class Metrics {
    /** The counts' named queries ({@code sql/health.sql}), prepared at start by the composition root. */
    public static final NamedQueries QUERIES = NamedQueries.load("health", Map.of());
    private static final Sql DELIVERIES = QUERIES.get("health.deliveries");
    private static final Sql QUEUE_DEPTH = QUERIES.get("health.queue_depth");
    private static final Sql QUEUE_OLDEST_DUE = QUERIES.get("health.queue_oldest_due_seconds");
    private static final Sql SENT_LAST_MINUTE = QUERIES.get("health.sent_last_minute");
    private static final Sql INBOUND_MESSAGES = QUERIES.get("health.inbound_messages");
    private static final Sql JOB_RUNS = QUERIES.get("health.job_runs");
    private final DataSource db;
    private final Supplier<Map<String, Double>> node;

    /**
     * @param node this node's own gauges (name → value, names without the {@code utskick_} prefix),
     *             e.g. live sender workers; asked at each scrape
     */
    public Metrics(DataSource db, Supplier<Map<String, Double>> node) {
        this.db = db;
        this.node = node;
    }

    /** The whole exposition; throws if the database does not answer (the endpoint then says 503). */
    public String scrape() throws java.sql.SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection()) {
            family(out, "utskick_deliveries", "gauge", "Delivery rows by state and letter kind.",
                    rows(c, DELIVERIES, "letter_kind", "state"));
            family(out, "utskick_queue_depth", "gauge", "Deliveries waiting to be sent (queued or deferred).", rows(c, QUEUE_DEPTH));
            family(out, "utskick_queue_oldest_due_seconds", "gauge",
                    "How long the longest-waiting due delivery has been due (0 when none is).", rows(c, QUEUE_OLDEST_DUE));
            family(out, "utskick_sent_last_minute", "gauge", "Messages sent in the last 60 seconds, by every node.",
                    rows(c, SENT_LAST_MINUTE));
            family(out, "utskick_inbound_messages", "gauge", "Messages read from the reply mailbox, by kind.",
                    rows(c, INBOUND_MESSAGES, "kind"));
            family(out, "utskick_job_runs", "gauge", "Runs of scheduled jobs, by job and outcome.",
                    rows(c, JOB_RUNS, "job", "outcome"));
        }
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(node.get()).entrySet()) {
            family(out, "utskick_" + e.getKey(), "gauge", "This node: " + e.getKey().replace('_', ' ') + ".",
                    List.of(new Sample(List.of(), e.getValue())));
        }
        return out.toString();
    }

    private record Sample(List<String> labels, double value) {
    }

    /** Each row: label values in order, then the value in the last column. */
    private static List<Sample> rows(Connection c, Sql sql, String... labels) throws java.sql.SQLException {
        List<Sample> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            ps.setQueryTimeout(5);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i < labels.length; i++) {
                        pairs.add(labels[i] + "=\"" + escape(rs.getString(i + 1)) + "\"");
                    }
                    out.add(new Sample(pairs, rs.getDouble(labels.length + 1)));
                }
            }
        }
        return out;
    }

    private static void family(StringBuilder out, String name, String type, String help, List<Sample> samples) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (Sample s : samples) {
            out.append(name);
            if (!s.labels().isEmpty()) {
                out.append('{').append(String.join(",", s.labels())).append('}');
            }
            double v = s.value();
            out.append(' ').append(v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.valueOf(v)).append('\n');
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
