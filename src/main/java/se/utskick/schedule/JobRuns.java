package se.utskick.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import se.utskick.db.Database;

/** The job_run table: one row per run, written when it starts and when it ends. */
final class JobRuns {
    private final Database db;

    JobRuns(Database db) {
        this.db = db;
    }

    long started(String job, String node, Instant at) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO job_run (job_name, node, started_at, outcome) VALUES (?, ?, ?, 'RUNNING')",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, job);
                ps.setString(2, node);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void finished(long runId, boolean ok, String summary, Instant at) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE job_run SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, ok ? "SUCCEEDED" : "FAILED");
                ps.setString(3, summary == null ? null : summary.length() > 1000 ? summary.substring(0, 1000) : summary);
                ps.setLong(4, runId);
                return ps.executeUpdate();
            }
        });
    }

    /** The latest run of each job. */
    Map<String, LastRun> latest() {
        return db.withConnection(c -> {
            Map<String, LastRun> out = new HashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT r.job_name, r.node, r.started_at, r.finished_at, r.outcome, r.summary
                         FROM job_run r
                         JOIN (SELECT job_name, MAX(id) AS id FROM job_run GROUP BY job_name) last ON last.id = r.id""")) {
                while (rs.next()) {
                    Timestamp fin = rs.getTimestamp(4);
                    out.put(rs.getString(1), new LastRun(rs.getString(2), rs.getTimestamp(3).toInstant(),
                            fin == null ? null : fin.toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** How many runs of {@code job} succeeded: for tests and the demo. */
    int succeeded(String job) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM job_run WHERE job_name = ? AND outcome = 'SUCCEEDED'")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    record LastRun(String node, Instant started, Instant finished, String outcome, String summary) {
    }
}
