-- The SQL of the audit log (audit.AuditLog), table audit_log: append-only.

-- name: audit.record
INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)

-- name: audit.recent
-- newest first; each filter is skipped when its value is NULL: actor (twice), action exact or a
-- prefix of whole words (action, action, LIKE pattern), since (twice), then the limit
SELECT id, at, actor, action, subject, detail FROM audit_log
WHERE (? IS NULL OR actor = ?)
AND (? IS NULL OR action = ? OR action LIKE ?)
AND (? IS NULL OR at >= ?)
ORDER BY at DESC, id DESC LIMIT ?
