-- The counts of GET /metrics (health.Metrics): read-only aggregates over other features' tables,
-- by choice (see Metrics). Each row: label values in order, then the value in the last column.

-- name: health.deliveries
SELECT l.kind, d.state, COUNT(*) FROM delivery d JOIN letter l ON l.id = d.letter_id
GROUP BY l.kind, d.state ORDER BY l.kind, d.state

-- name: health.queue_depth
SELECT COUNT(*) FROM delivery WHERE state IN ('QUEUED', 'DEFERRED')

-- name: health.queue_oldest_due_seconds
SELECT COALESCE(TIMESTAMPDIFF(SECOND, MIN(due_at), UTC_TIMESTAMP(3)), 0) FROM delivery
WHERE state IN ('QUEUED', 'DEFERRED') AND due_at <= UTC_TIMESTAMP(3)

-- name: health.sent_last_minute
SELECT COUNT(*) FROM delivery WHERE state = 'SENT' AND sent_at > UTC_TIMESTAMP(3) - INTERVAL 60 SECOND

-- name: health.inbound_messages
SELECT kind, COUNT(*) FROM inbound_message GROUP BY kind ORDER BY kind

-- name: health.job_runs
SELECT job_name, outcome, COUNT(*) FROM job_run GROUP BY job_name, outcome ORDER BY job_name, outcome
