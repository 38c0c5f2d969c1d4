-- The SQL of the replies feature (replies.ReplySql): tables inbound_message and bounce_score (V5).
-- The reading queries of inbound_message list the same columns, in LoggedMessage's order.

-- name: replies.is_recorded
SELECT 1 FROM inbound_message WHERE (mailbox = ? AND uid_validity = ? AND uid = ?) OR message_id_hash = ?

-- name: replies.insert
INSERT INTO inbound_message (mailbox, uid_validity, uid, message_id_hash, message_id, received_at, processed_at,
    kind, correlation, delivery_id, letter_id, letter_kind, association_id, member_id, sender, subject, body_text,
    excerpt, bounce_status, bounce_recipient, bounce_diagnostic, effect, raw_message, feedback_letter_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: replies.list
-- the letter (twice) and the kind (twice) may be NULL: no filter; then the limit
SELECT id, received_at, kind, correlation, letter_id, letter_kind, delivery_id, association_id, member_id, sender,
    subject, excerpt, bounce_status, bounce_recipient, bounce_diagnostic, effect, handled_at, handled_by, NULL AS body_text
FROM inbound_message
WHERE (? IS NULL OR letter_id = ?) AND (? IS NULL OR kind = ?) ORDER BY received_at DESC, id DESC LIMIT ?

-- name: replies.page
-- the web's paged list: the letter (twice) and the kind (twice) may be NULL: no filter; unmatched 1 = only
-- messages matched to no letter; then limit and offset
SELECT id, received_at, kind, correlation, letter_id, letter_kind, delivery_id, association_id, member_id, sender,
    subject, excerpt, bounce_status, bounce_recipient, bounce_diagnostic, effect, handled_at, handled_by, NULL AS body_text
FROM inbound_message
WHERE (? IS NULL OR letter_id = ?) AND (? IS NULL OR kind = ?) AND (? = 0 OR letter_id IS NULL)
ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?

-- name: replies.page_count
SELECT COUNT(*) FROM inbound_message
WHERE (? IS NULL OR letter_id = ?) AND (? IS NULL OR kind = ?) AND (? = 0 OR letter_id IS NULL)

-- name: replies.insert_form_answer
-- an answer given in the association page's form: the REPLY row an e-mail reply to the delivery makes, at
-- the next uid of its own mailbox; mailbox, received, processed, delivery, letter, letter kind, association,
-- member, subject, text, excerpt, then the mailbox again
INSERT INTO inbound_message (mailbox, uid_validity, uid, received_at, processed_at, kind, correlation, delivery_id,
    letter_id, letter_kind, association_id, member_id, sender, subject, body_text, excerpt, effect)
SELECT ?, 0, COALESCE(MAX(uid), 0) + 1, ?, ?, 'REPLY', 'TOKEN', ?, ?, ?, ?, ?, 'Föreningssidan (formulär)', ?, ?, ?,
    'answered on the association page'
FROM inbound_message WHERE mailbox = ? AND uid_validity = 0

-- name: replies.show
SELECT id, received_at, kind, correlation, letter_id, letter_kind, delivery_id, association_id, member_id, sender,
    subject, excerpt, bounce_status, bounce_recipient, bounce_diagnostic, effect, handled_at, handled_by, body_text
FROM inbound_message WHERE id = ?

-- name: replies.board_replies
-- every REPLY with an association to the board or targeted letter (first parameter) or to its
-- feedback reminder (feedback_letter_id, second parameter), oldest first
SELECT id, received_at, kind, correlation, letter_id, letter_kind, delivery_id, association_id, member_id, sender,
    subject, excerpt, bounce_status, bounce_recipient, bounce_diagnostic, effect, handled_at, handled_by, NULL AS body_text
FROM inbound_message
WHERE kind = 'REPLY' AND association_id IS NOT NULL
AND ((letter_id = ? AND letter_kind IN ('BOARD', 'TARGETED')) OR feedback_letter_id = ?)
ORDER BY received_at, id

-- name: replies.counts
SELECT kind, COUNT(*) FROM inbound_message WHERE letter_id = ? GROUP BY kind

-- name: replies.complaints_to_act
SELECT COUNT(*) FROM inbound_message WHERE letter_id = ? AND kind = 'COMPLAINT' AND effect = ? AND handled_at IS NULL

-- name: replies.purge_raw
-- issue 12: with the raw message go the sender, subject, text, excerpt, Message-ID and the bounce's
-- address and diagnostic (as the member's erasure does); kind, time, letter, association, effect and
-- the Message-ID's hash stay, so feedback counts and idempotent reading hold
UPDATE inbound_message SET raw_message = NULL, sender = NULL, subject = NULL, body_text = NULL, excerpt = NULL,
    message_id = NULL, bounce_recipient = NULL, bounce_diagnostic = NULL
WHERE received_at < ? AND (raw_message IS NOT NULL OR sender IS NOT NULL OR subject IS NOT NULL OR body_text IS NOT NULL
    OR excerpt IS NOT NULL OR message_id IS NOT NULL OR bounce_recipient IS NOT NULL OR bounce_diagnostic IS NOT NULL)

-- name: replies.raw
SELECT raw_message FROM inbound_message WHERE id = ?

-- name: replies.mark_handled
UPDATE inbound_message SET handled_at = ?, handled_by = ? WHERE id = ? AND handled_at IS NULL

-- name: replies.erase_member_messages
UPDATE inbound_message SET sender = NULL, subject = NULL, body_text = NULL, excerpt = NULL, raw_message = NULL,
    message_id = NULL, bounce_recipient = NULL, bounce_diagnostic = NULL, member_id = NULL
WHERE member_id = ?

-- name: replies.bounce_score_locked
SELECT email, score, last_bounce_on FROM bounce_score WHERE member_id = ? FOR UPDATE

-- name: replies.bounce_score_set
INSERT INTO bounce_score (member_id, email, score, last_bounce_on) VALUES (?, ?, ?, ?)
ON DUPLICATE KEY UPDATE email = VALUES(email), score = VALUES(score), last_bounce_on = VALUES(last_bounce_on)

-- name: replies.bounce_score_of
SELECT score FROM bounce_score WHERE member_id = ?

-- name: replies.bounce_score_forget
DELETE FROM bounce_score WHERE member_id = ?
