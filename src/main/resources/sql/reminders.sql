-- The SQL of reminders (reminders.ReminderSql). {{needs_fixing}} and {{usable}} are the register's
-- rules (register.AddressRule) over the member alias m.

-- name: reminders.problem_counts
SELECT m.association_id, COUNT(*) FROM member m
WHERE {{needs_fixing}} AND m.association_id IS NOT NULL
GROUP BY m.association_id ORDER BY m.association_id

-- name: reminders.problems
SELECT m.first_name, m.last_name, m.member_number, COALESCE(m.email_raw, m.email), m.email_status, m.email_status_reason
FROM member m WHERE {{needs_fixing}} AND m.association_id = ?
ORDER BY m.last_name, m.first_name, m.member_number

-- name: reminders.holders
-- the association (second and third parameter) may be NULL: district-wide holders
SELECT DISTINCT m.id, m.email, m.first_name, m.last_name, {{usable}}
FROM member_role r JOIN member m ON m.id = r.member_id
WHERE r.role = ? AND m.status = 'ACTIVE' AND (? IS NULL OR r.association_id = ?)
ORDER BY m.id

-- name: reminders.letter_for_period
SELECT letter_id FROM reminder WHERE purpose = ? AND period = ?

-- name: reminders.letter_about
SELECT letter_id FROM reminder WHERE purpose = ? AND about_letter_id = ?

-- name: reminders.record
INSERT INTO reminder (letter_id, purpose, period, about_letter_id) VALUES (?, ?, ?, ?)

-- name: reminders.purpose_of
SELECT purpose FROM reminder WHERE letter_id = ?

-- name: reminders.add_recipient
INSERT INTO reminder_recipient (letter_id, member_id, association_id, email, first_name, last_name) VALUES (?, ?, ?, ?, ?, ?)

-- name: reminders.add_threaded_recipients
-- the board letter's recipients of the given associations (ids joined by commas) who were sent it
-- and still have a usable address, each threaded to the Message-ID they received
INSERT INTO reminder_recipient (letter_id, member_id, association_id, email, first_name, last_name, in_reply_to)
SELECT ?, m.id, d.association_id, m.email, m.first_name, m.last_name, d.message_id
FROM delivery d JOIN member m ON m.id = d.member_id
WHERE d.letter_id = ? AND d.state = 'SENT' AND d.message_id IS NOT NULL
AND FIND_IN_SET(d.association_id, ?) > 0 AND {{usable}}

-- name: reminders.forget
DELETE FROM reminder_recipient WHERE letter_id = ?

-- name: reminders.recipients_of
-- delivery's recipient query of a reminder letter: the six columns, threaded
SELECT member_id, email, first_name, last_name, association_id, in_reply_to FROM reminder_recipient WHERE letter_id = ?

-- name: reminders.erase_member
DELETE FROM reminder_recipient WHERE member_id = ?
