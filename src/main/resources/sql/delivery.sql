-- The delivery feature's named queries (delivery.DeliverySql): tables send_run, delivery (V4 and later)
-- and delivery_pace. Built in code, by design (their text depends on a count or on another feature's
-- SQL, so it cannot be fixed text): the freeze's INSERT … WITH r AS (<the audience's query>), the
-- claim's candidate read, lock and lease (IN lists of the running letters and of the claimed ids:
-- kept as they are on the hot path, so the driver's statement cache serves them per count), the
-- renew's held-ids read, OutcomeUpdate's one multi-row CASE update per batch, and DeliveryLog.runs
-- (IN list of the letters a list page shows). {{usable}} is register.AddressRule's.

-- name: delivery.run_insert
-- letter, list, started
INSERT INTO send_run (letter_id, list_id, state, recipients, started_at) VALUES (?, ?, 'RUNNING', 0, ?)

-- name: delivery.run_recipients
UPDATE send_run SET recipients = ? WHERE letter_id = ?

-- name: delivery.running_letters
SELECT letter_id FROM send_run WHERE state = 'RUNNING'

-- name: delivery.finish_if_done
-- finished, letter, letter: only when nothing of the letter waits any more
UPDATE send_run SET state = 'FINISHED', finished_at = ?
WHERE letter_id = ? AND state = 'RUNNING' AND NOT EXISTS
(SELECT 1 FROM delivery WHERE letter_id = ? AND state IN ('QUEUED', 'DEFERRED'))

-- name: delivery.release
-- a stopping process gives its rows back: now, now, the workers' name prefix with % appended
UPDATE delivery SET due_at = ?, lease_until = NULL, claimed_by = NULL, attempts = GREATEST(attempts - 1, 0)
WHERE state IN ('QUEUED', 'DEFERRED') AND due_at > ? AND claimed_by LIKE ?

-- name: delivery.renew
UPDATE delivery SET due_at = ?, lease_until = ? WHERE claimed_by = ? AND state IN ('QUEUED', 'DEFERRED')

-- name: delivery.release_worker
UPDATE delivery SET due_at = ?, lease_until = NULL, claimed_by = NULL, attempts = GREATEST(attempts - 1, 0)
WHERE state IN ('QUEUED', 'DEFERRED') AND claimed_by = ?

-- name: delivery.move_run
-- to, letter, from; a move clears a sender's pause reason
UPDATE send_run SET state = ?, pause_reason = NULL, pause_kind = NULL, paused_at = NULL WHERE letter_id = ? AND state = ?

-- name: delivery.pause_for_error
UPDATE send_run SET state = 'PAUSED', pause_kind = ?, pause_reason = ?, paused_at = ? WHERE letter_id = ? AND state = 'RUNNING'

-- name: delivery.cancel_run
UPDATE send_run SET state = 'CANCELLED', finished_at = ? WHERE letter_id = ? AND state <> 'CANCELLED'

-- name: delivery.cancel_waiting
UPDATE delivery SET state = 'CANCELLED' WHERE letter_id = ? AND state IN ('QUEUED', 'DEFERRED')

-- name: delivery.requeue_failed
-- due, queued, letter: FAILED or BLOCKED rows whose member now has a usable address, with that address
UPDATE delivery d JOIN member m ON m.id = d.member_id
SET d.state = 'QUEUED', d.email = m.email, d.attempts = 0, d.due_at = ?, d.queued_at = ?, d.lease_until = NULL, d.claimed_by = NULL
WHERE d.letter_id = ? AND d.state IN ('FAILED', 'BLOCKED') AND {{usable}}

-- name: delivery.run_again
UPDATE send_run SET state = 'RUNNING', finished_at = NULL WHERE letter_id = ?

-- name: delivery.run_state_locked
SELECT state FROM send_run WHERE letter_id = ? FOR UPDATE

-- name: delivery.mark_bounced
UPDATE delivery SET state = 'BOUNCED', last_reply = ? WHERE id = ? AND state = 'SENT'

-- name: delivery.mark_blocked
UPDATE delivery SET state = 'BLOCKED', last_reply = ? WHERE id = ? AND state = 'SENT'

-- name: delivery.erase_cancel_waiting
UPDATE delivery SET state = 'CANCELLED' WHERE member_id = ? AND state IN ('QUEUED', 'DEFERRED')

-- name: delivery.erase_member
UPDATE delivery SET member_id = NULL, email = '', first_name = '', last_name = '', last_reply = NULL WHERE member_id = ?

-- name: delivery.retention_slice
-- one slice of 10,000 (DeliveryRetention.SLICE) done rows queued before the cut-off
UPDATE delivery SET last_reply = NULL, first_name = '', last_name = ''
WHERE queued_at < ? AND state NOT IN ('QUEUED', 'DEFERRED') AND (last_reply IS NOT NULL OR first_name <> '' OR last_name <> '')
LIMIT 10000

-- name: delivery.group_counts
SELECT LOWER(SUBSTRING_INDEX(email, '@', -1)) AS domain, state, COUNT(*) FROM delivery WHERE letter_id = ? GROUP BY domain, state

-- name: delivery.paces
SELECT group_name, rate_per_minute, held_until, reason FROM delivery_pace
WHERE rate_per_minute > 0 OR held_until IS NOT NULL ORDER BY changed_at

-- name: delivery.pace_write
INSERT INTO delivery_pace (node, group_name, rate_per_minute, held_until, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE rate_per_minute = VALUES(rate_per_minute), held_until = VALUES(held_until), reason = VALUES(reason),
    changed_at = VALUES(changed_at)

-- name: delivery.pace_clear
DELETE FROM delivery_pace WHERE node = ?

-- name: delivery.run
SELECT list_id, state, recipients, started_at, finished_at, pause_reason, pause_kind FROM send_run WHERE letter_id = ?

-- name: delivery.run_counts
SELECT state, COUNT(*) FROM delivery WHERE letter_id = ? GROUP BY state

-- name: delivery.sent_to
SELECT id, member_id, email, first_name, last_name, association_id, state FROM delivery WHERE letter_id = ? AND id = ?

-- name: delivery.paused_for_error
SELECT letter_id, pause_kind, pause_reason FROM send_run WHERE state = 'PAUSED' AND pause_reason IS NOT NULL ORDER BY paused_at

-- name: delivery.run_state
SELECT state FROM send_run WHERE letter_id = ?

-- name: delivery.page
-- letter, state (twice; NULL: every state), limit, offset; the columns in DeliveryLog.row's order
SELECT d.id, d.letter_id, r.list_id, d.member_id, d.association_id, d.email, d.state, d.attempts, d.queued_at, d.sent_at,
    d.last_reply, d.message_id
FROM delivery d JOIN send_run r ON r.letter_id = d.letter_id
WHERE d.letter_id = ? AND (? IS NULL OR d.state = ?) ORDER BY d.id LIMIT ? OFFSET ?

-- name: delivery.page_count
SELECT COUNT(*) FROM delivery WHERE letter_id = ? AND (? IS NULL OR state = ?)

-- name: delivery.by_id
SELECT d.id, d.letter_id, r.list_id, d.member_id, d.association_id, d.email, d.state, d.attempts, d.queued_at, d.sent_at,
    d.last_reply, d.message_id
FROM delivery d JOIN send_run r ON r.letter_id = d.letter_id
WHERE d.id = ?

-- name: delivery.blocked_by_domain
SELECT LOWER(SUBSTRING_INDEX(email, '@', -1)) AS domain, COUNT(*), MAX(last_reply) FROM delivery
WHERE letter_id = ? AND state = 'BLOCKED' GROUP BY domain ORDER BY COUNT(*) DESC, domain LIMIT 200

-- name: delivery.in_reply_to
SELECT in_reply_to FROM delivery WHERE id = ?
