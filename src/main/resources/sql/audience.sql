-- The audience feature's named queries (audience.AudienceQueries): saved lists (table mailing_list) and
-- the lookups around them. The audience rules themselves (audience.AudienceSql) are built in code by
-- design: a rule is a combination of filters (associations, regions, roles, areas, exclusions) whose
-- SQL and IN lists vary per list; Audiences wraps that query (ordering, paging, one member) in code
-- too, and binds its parameters with db.Bind.

-- name: audience.list_insert
INSERT INTO mailing_list (name, description, rule) VALUES (?, ?, ?)

-- name: audience.list_find
SELECT name, description, rule FROM mailing_list WHERE name = ?

-- name: audience.list_all
SELECT name, description, rule FROM mailing_list ORDER BY name

-- name: audience.list_update
UPDATE mailing_list SET name = ?, description = ?, rule = ? WHERE id = ?

-- name: audience.list_delete
DELETE FROM mailing_list WHERE id = ?

-- name: audience.list_id_locked
SELECT id FROM mailing_list WHERE name = ? FOR UPDATE

-- name: audience.association_id
SELECT id FROM association WHERE name = ?

-- name: audience.association_name
SELECT name FROM association WHERE id = ?

-- name: audience.association_exists
SELECT 1 FROM association WHERE id = ?

-- name: audience.policy_areas
SELECT DISTINCT policy_area FROM member_role WHERE role = 'POLICY_LEAD' AND policy_area <> '' ORDER BY policy_area
