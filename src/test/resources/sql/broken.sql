-- A named query that names a column no table has: NamedQueriesTest checks that it stops the start.

-- name: broken.good
SELECT id, name FROM association WHERE id = ?

-- name: broken.missing_column
SELECT m.id, m.no_such_column FROM member m WHERE m.id = ?
