-- The SQL of the schedule's run log (schedule.JobRuns), table job_run. Quartz's own tables are
-- Quartz's: it writes them through its JDBC job store.

-- name: schedule.run_started
INSERT INTO job_run (job_name, node, started_at, outcome) VALUES (?, ?, ?, 'RUNNING')

-- name: schedule.run_finished
UPDATE job_run SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?

-- name: schedule.latest_runs
-- the latest run of each job
SELECT r.job_name, r.node, r.started_at, r.finished_at, r.outcome, r.summary
FROM job_run r
JOIN (SELECT job_name, MAX(id) AS id FROM job_run GROUP BY job_name) last ON last.id = r.id

-- name: schedule.succeeded_runs
SELECT COUNT(*) FROM job_run WHERE job_name = ? AND outcome = 'SUCCEEDED'
