-- The letters feature's named queries (letters.LetterSql). Only a start: the per-column draft updates
-- (one named update per column instead of a column name passed as a string). The rest of the letters
-- SQL (LetterRepository's reads and writes, Events, LetterStates, QueuedItems, ItemSql,
-- TemplateSnapshots, and the rendering side: Renderings, RenderingErasure) is still built in its class.

-- name: letters.set_feedback_request
-- the value, the letter: a draft only
UPDATE letter SET feedback_request = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'DRAFT'

-- name: letters.set_feedback_deadline
-- the date, the letter: a draft only
UPDATE letter SET feedback_deadline = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND state = 'DRAFT'
