package se.utskick.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.db.NamedQueries;
import se.utskick.db.Sql;

/** The job_run table: one row per run, written when it starts and when it ends. SQL in {@code sql/schedule.sql}. */
final class JobRuns {
    static final NamedQueries QUERIES = NamedQueries.load("schedule", Map.of());
    private static final Sql STARTED = QUERIES.get("schedule.run_started");
    private static final Sql FINISHED = QUERIES.get("schedule.run_finished");
    private static final Sql LATEST = QUERIES.get("schedule.latest_runs");
    private static final Sql SUCCEEDED = QUERIES.get("schedule.succeeded_runs");
    private final Database db;

    JobRuns(Database db) {
        this.db = db;
    }

    long started(String job, String node, Instant at) {
        return db.withConnection(c -> Bind.insert(c, STARTED, job, node, at));
    }

    void finished(long runId, boolean ok, String summary, Instant at) {
        String s = summary == null ? null : summary.length() > 1000 ? summary.substring(0, 1000) : summary;
        db.withConnection(c -> Bind.update(c, FINISHED, at, ok ? "SUCCEEDED" : "FAILED", s, runId));
    }

    /** The latest run of each job. */
    Map<String, LastRun> latest() {
        return db.withConnection(c -> {
            Map<String, LastRun> out = new HashMap<>();
            for (Entry<String, LastRun> e : Bind.list(c, LATEST, rs -> {
                Timestamp fin = rs.getTimestamp(4);
                return Map.entry(rs.getString(1), new LastRun(rs.getString(2), rs.getTimestamp(3).toInstant(),
                        fin == null ? null : fin.toInstant(), rs.getString(5), rs.getString(6)));
            })) {
                out.put(e.getKey(), e.getValue());
            }
            return out;
        });
    }

    /** How many runs of {@code job} succeeded: for tests and the demo. */
    int succeeded(String job) {
        return db.withConnection(c -> Bind.first(c, SUCCEEDED, rs -> rs.getInt(1), job).orElse(0));
    }

    record LastRun(String node, Instant started, Instant finished, String outcome, String summary) {
    }
}
