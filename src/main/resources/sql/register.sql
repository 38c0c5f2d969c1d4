-- The register's named queries (register.RegisterSql): the facade's reads and writes, erasure, the
-- member files and the read side (RegisterQueries). The import's multi-row statements (RegisterStore,
-- MemberTable), MemberDirectory and MemberExport are still built in their classes. The rules "usable
-- address" and "needs fixing" are register.AddressRule.

-- name: register.association_names
SELECT id, name FROM association ORDER BY name, id

-- name: register.left_before
SELECT member_number FROM member WHERE status = 'LEFT' AND left_on < ? ORDER BY id

-- name: register.mark_address
-- status, reason, since, id, expected address, status, reason: only when the address is still the
-- one mailed and the status or reason changes
UPDATE member SET email_status = ?, email_status_reason = ?, email_status_since = ?, updated_at = CURRENT_TIMESTAMP(3)
WHERE id = ? AND email = ? AND (email_status <> ? OR NOT (email_status_reason <=> ?))

-- name: register.correct_address
UPDATE member SET email = ?, email_raw = ?, email_status = 'OK', email_status_reason = NULL, email_status_since = ?,
    updated_at = CURRENT_TIMESTAMP(3)
WHERE id = ?

-- name: register.set_unsubscribed
UPDATE member SET unsubscribed_at = CASE WHEN ? THEN COALESCE(unsubscribed_at, ?) ELSE NULL END WHERE id = ?

-- name: register.member_by_email
-- active members first, then the oldest
SELECT id FROM member WHERE email = ? ORDER BY status = 'ACTIVE' DESC, id LIMIT 1

-- name: register.member_by_number
SELECT id FROM member WHERE member_number = ?

-- name: register.member_by_number_locked
SELECT id FROM member WHERE member_number = ? FOR UPDATE

-- name: register.was_erased
SELECT 1 FROM erased_member WHERE number_hash = ?

-- name: register.erase_contact
UPDATE association SET contact_email = NULL
WHERE contact_email IN (SELECT email FROM member WHERE id = ? UNION SELECT email_raw FROM member WHERE id = ?)

-- name: register.erase_roles
DELETE FROM member_role WHERE member_id = ?

-- name: register.erase_member
DELETE FROM member WHERE id = ?

-- name: register.record_erased
INSERT IGNORE INTO erased_member (number_hash, erased_at) VALUES (?, ?)

-- name: register.record_file
INSERT INTO member_file (member_id, path, written_at) VALUES (?, ?, ?)
ON DUPLICATE KEY UPDATE written_at = VALUES(written_at)

-- name: register.member_files
SELECT path FROM member_file WHERE member_id = ? ORDER BY id

-- name: register.forget_files
DELETE FROM member_file WHERE member_id = ?

-- The read side (register.RegisterQueries). {{usable_address}} is AddressRule.usableAddress("m").

-- name: register.summary_regions
SELECT region, COUNT(*) FROM association GROUP BY region

-- name: register.summary_members
SELECT status, email_status, COUNT(*) FROM member GROUP BY status, email_status

-- name: register.summary_roles
SELECT r.role, COUNT(DISTINCT r.member_id) FROM member_role r JOIN member m ON m.id = r.member_id
WHERE m.status = 'ACTIVE' GROUP BY r.role

-- name: register.summary_unsubscribed
SELECT COUNT(*) FROM member WHERE status = 'ACTIVE' AND unsubscribed_at IS NOT NULL

-- name: register.members
-- parameters: association id (twice; NULL for all), active only (boolean), unusable address only (boolean)
SELECT m.id, m.member_number, m.first_name, m.last_name, a.name, m.email_status, COALESCE(m.email, m.email_raw),
    m.email_status_reason, m.email_status_since, m.status
FROM member m LEFT JOIN association a ON a.id = m.association_id
WHERE (? IS NULL OR m.association_id = ?) AND (NOT ? OR m.status = 'ACTIVE') AND (NOT ? OR NOT {{usable_address}})
ORDER BY a.name, m.last_name, m.first_name, m.member_number

-- name: register.address_problems
-- per association (name order): active members, and those whose address is MISSING, INVALID, BOUNCED
SELECT a.id, a.name, COUNT(m.id), COALESCE(SUM(m.email_status = 'MISSING'), 0),
    COALESCE(SUM(m.email_status = 'INVALID'), 0), COALESCE(SUM(m.email_status = 'BOUNCED'), 0)
FROM association a LEFT JOIN member m ON m.association_id = a.id AND m.status = 'ACTIVE'
GROUP BY a.id, a.name ORDER BY a.name

-- name: register.export_rows
SELECT m.id, m.member_number, m.first_name, m.last_name, m.email_raw, m.phone, a.name, a.region, m.joined_on
FROM member m LEFT JOIN association a ON a.id = m.association_id
WHERE m.status = 'ACTIVE' ORDER BY m.member_number

-- name: register.member_roles
SELECT member_id, role, policy_area FROM member_role ORDER BY role, policy_area
