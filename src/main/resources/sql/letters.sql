-- The letters feature's named queries (letters.LetterSql): LetterRepository's reads and writes (with one
-- named update per column: no column name passed as a string), Events, TemplateSnapshots. Built in code:
-- LetterRepository's items of many letters (an IN list). Still inline, to move next: LetterStates,
-- QueuedItems, ItemSql, and the rendering side (Renderings, RenderingErasure, the template classes).

-- name: letters.set_feedback_request
-- the value, the letter: a draft only
UPDATE letter SET feedback_request = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'DRAFT'

-- name: letters.set_feedback_deadline
-- the date, the letter: a draft only
UPDATE letter SET feedback_deadline = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'DRAFT'

-- name: letters.insert
-- kind, period (NULL for a letter of no month), subject, audience name, audience rule
INSERT INTO letter (kind, period, subject, audience_name, audience_rule) VALUES (?, ?, ?, ?, ?)

-- name: letters.find
SELECT id, kind, period, state, subject, audience_name, audience_rule, feedback_request, feedback_deadline, website_password,
    version
FROM letter WHERE id = ?

-- name: letters.find_for_period
SELECT id, kind, period, state, subject, audience_name, audience_rule, feedback_request, feedback_deadline, website_password,
    version
FROM letter WHERE kind = ? AND period = ?

-- name: letters.recent_letters
-- kind (twice; NULL: every kind), limit
SELECT id, kind, period, state, subject, audience_name, audience_rule, feedback_request, feedback_deadline, website_password,
    version
FROM letter WHERE (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?

-- name: letters.recent_ids
-- kind (twice; NULL: every kind), limit
SELECT id FROM letter WHERE (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?

-- name: letters.items
SELECT position, heading, body FROM letter_item WHERE letter_id = ? ORDER BY position

-- name: letters.settings
-- subject, deadline, request, password, letter, version: a draft at that version only
UPDATE letter SET subject = ?, feedback_deadline = ?, feedback_request = ?, website_password = ?, version = version + 1,
    updated_at = CURRENT_TIMESTAMP(3)
WHERE id = ? AND state = 'DRAFT' AND version = ?

-- name: letters.delete_draft
DELETE FROM letter WHERE id = ? AND state = 'DRAFT' AND kind <> 'REMINDER'

-- name: letters.sent_with_deadline
-- from, to: SENDING or SENT board and targeted letters with a deadline in [from, to]
SELECT id FROM letter WHERE kind IN ('BOARD', 'TARGETED') AND state IN ('SENDING', 'SENT') AND feedback_deadline BETWEEN ? AND ?
ORDER BY feedback_deadline, id

-- name: letters.association_names
SELECT id, name FROM association

-- name: letters.event_insert
-- association (NULL: the district's own), title, starts, ends, place, description, state
INSERT INTO event (association_id, title, starts_at, ends_at, place, description, state) VALUES (?, ?, ?, ?, ?, ?, ?)

-- name: letters.event_update
UPDATE event SET association_id = ?, title = ?, starts_at = ?, ends_at = ?, place = ?, description = ? WHERE id = ?

-- name: letters.event_approve
UPDATE event SET state = 'APPROVED' WHERE id = ? AND state = 'PROPOSED'

-- name: letters.event_refuse
UPDATE event SET state = 'REFUSED' WHERE id = ? AND state = 'PROPOSED'

-- name: letters.event_get
SELECT e.id, e.association_id, a.name, e.title, e.starts_at, e.ends_at, e.place, e.description, e.state
FROM event e LEFT JOIN association a ON a.id = e.association_id
WHERE e.id = ?

-- name: letters.event_between_approved
SELECT e.id, e.association_id, a.name, e.title, e.starts_at, e.ends_at, e.place, e.description, e.state
FROM event e LEFT JOIN association a ON a.id = e.association_id
WHERE e.starts_at >= ? AND e.starts_at < ? AND e.state = 'APPROVED' ORDER BY e.starts_at, e.id

-- name: letters.event_between
SELECT e.id, e.association_id, a.name, e.title, e.starts_at, e.ends_at, e.place, e.description, e.state
FROM event e LEFT JOIN association a ON a.id = e.association_id
WHERE e.starts_at >= ? AND e.starts_at < ? ORDER BY e.starts_at, e.id

-- name: letters.templates_forget
DELETE FROM letter_template WHERE letter_id = ?

-- name: letters.template_insert
-- letter, template name, SHA-256 of the source (hex), source
INSERT INTO letter_template (letter_id, name, sha256, source) VALUES (?, ?, ?, ?)

-- name: letters.templates
SELECT name, source FROM letter_template WHERE letter_id = ? ORDER BY name

-- name: letters.mark_automatic
INSERT IGNORE INTO letter_automatic (letter_id) VALUES (?)

-- name: letters.automatic
SELECT 1 FROM letter_automatic WHERE letter_id = ?
